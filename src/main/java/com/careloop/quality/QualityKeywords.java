package com.careloop.quality;

import java.time.LocalDate;
import java.util.List;

/** The most frequent service keywords in survey answers and feedback text of [from, to) (Asia/Shanghai). */
public interface QualityKeywords {

    List<KeywordCount> top(LocalDate from, LocalDate to, int limit);

    record KeywordCount(String keyword, long count) {
    }
}
