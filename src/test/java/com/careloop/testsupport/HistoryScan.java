package com.careloop.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Where a text occurs in the engine's history: every text column of every ACT_HI_* table, and the byte arrays. */
public final class HistoryScan {

    private HistoryScan() {
    }

    public static List<String> columnsContaining(JdbcTemplate jdbc, String secret) {
        List<String> hits = new ArrayList<>();
        List<Map<String, Object>> columns = jdbc.queryForList("select table_name, column_name from information_schema.columns"
                + " where table_schema = current_schema() and lower(table_name) like 'act\\_hi\\_%'"
                + " and data_type in ('character varying', 'text', 'character')");
        assertThat(columns).isNotEmpty();
        for (Map<String, Object> c : columns) {
            String table = (String) c.get("table_name");
            String column = (String) c.get("column_name");
            Long n = jdbc.queryForObject("select count(*) from " + table + " where " + column + " like ?", Long.class, "%" + secret + "%");
            if (n != null && n > 0) {
                hits.add(table + "." + column + " holds '" + secret + "'");
            }
        }
        Long bytes = jdbc.queryForObject("select count(*) from act_ge_bytearray where position(convert_to(?, 'UTF8') in bytes_) > 0",
                Long.class, secret);
        if (bytes != null && bytes > 0) {
            hits.add("act_ge_bytearray.bytes_ holds '" + secret + "'");
        }
        return hits;
    }
}
