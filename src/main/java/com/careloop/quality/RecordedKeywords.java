package com.careloop.quality;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** {@link QualityKeywords} from the keyword hits per day that recording stores (quality_keyword_day). */
@Service
class RecordedKeywords implements QualityKeywords {

    private final JdbcTemplate jdbc;

    RecordedKeywords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<KeywordCount> top(LocalDate from, LocalDate to, int limit) {
        if (from == null || to == null || !from.isBefore(to)) {
            throw new com.careloop.errors.InvalidRequestException("to", "must be after from (the period is [from, to))");
        }
        return jdbc.query("select keyword, sum(hits) from quality_keyword_day where on_day >= ? and on_day < ?"
                        + " group by keyword order by sum(hits) desc, keyword limit ?",
                (rs, n) -> new KeywordCount(rs.getString(1), rs.getLong(2)), Date.valueOf(from), Date.valueOf(to), limit);
    }
}
