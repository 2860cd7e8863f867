package com.careloop.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every row of bpmn/commentClassification.dmn, the file a designer edits (no engine, no Spring). */
class CommentClassificationDmnTest {

    static final Path FILE = Path.of("bpmn/commentClassification.dmn");
    static Function<String, Optional<FeedbackType>> table;

    @BeforeAll
    static void parse() throws IOException {
        try (InputStream in = Files.newInputStream(FILE)) {
            table = CommentClassification.parse(in, FILE.toString());
        }
    }

    record Row(String id, String keyword, String type) {}

    /** The keyword rows as the file has them: contains(?, "keyword") → "TYPE". */
    static List<Row> rows() throws IOException {
        Matcher m = Pattern.compile("<rule id=\"([^\"]+)\">.*?contains\\(\\?, \"([^\"]+)\"\\).*?<text>\"([A-Z_]+)\"</text>", Pattern.DOTALL)
                .matcher(Files.readString(FILE));
        List<Row> rows = new ArrayList<>();
        while (m.find()) {
            rows.add(new Row(m.group(1), m.group(2), m.group(3)));
        }
        return rows;
    }

    @Test
    void everyKeywordRowGivesItsType() throws IOException {
        List<Row> rows = rows();
        assertThat(rows).hasSizeGreaterThan(20);
        for (Row r : rows) {
            assertThat(table.apply("客户留言：" + r.keyword() + "。")).as(r.id()).contains(FeedbackType.valueOf(r.type()));
        }
    }

    @Test
    void aComplaintAFaultASuggestionAQuestion() {
        assertThat(table.apply("客服态度很差，我要投诉")).contains(FeedbackType.COMPLAINT);
        assertThat(table.apply("空调又漏水了")).contains(FeedbackType.PROBLEM);
        assertThat(table.apply("建议增加夜间上门服务")).contains(FeedbackType.SUGGESTION);
        assertThat(table.apply("请问保修期是多久")).contains(FeedbackType.CONSULTATION);
        // the first row that matches wins: a complaint about a fault is a complaint
        assertThat(table.apply("机器坏了三次，我要投诉")).contains(FeedbackType.COMPLAINT);
    }

    @Test
    void praiseOrNothingIsNoFeedback() {
        assertThat(table.apply("很好")).isEmpty();
        assertThat(table.apply("安装师傅很专业，谢谢")).isEmpty();
        assertThat(table.apply("")).isEmpty();
    }
}
