package com.careloop.quality;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** Keywords carry what went wrong, never who the customer is. */
class KeywordExtractorTest {

    private final KeywordExtractor extractor;

    KeywordExtractorTest() throws Exception {
        extractor = new KeywordExtractor(new ClassPathResource("bpmn/quality/serviceKeywords.txt"),
                new ClassPathResource("bpmn/quality/stopWords.txt"));
    }

    @Test
    void aPersonsNameInTheTextIsNoKeyword() {
        var keywords = extractor.extract("王芳说师傅上门迟到了，李建国的空调还在漏水");
        assertThat(keywords).doesNotContain("王芳", "李建国");
        assertThat(keywords).isNotEmpty();
    }

    @Test
    void blankTextHasNoKeywords() {
        assertThat(extractor.extract("  ")).isEmpty();
        assertThat(extractor.extract(null)).isEmpty();
    }
}
