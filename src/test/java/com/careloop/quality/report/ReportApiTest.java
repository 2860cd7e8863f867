package com.careloop.quality.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.careloop.customer.CustomerService;
import com.careloop.feedback.FeedbackRef;
import com.careloop.feedback.FeedbackService;
import com.careloop.feedback.FeedbackType;
import com.careloop.feedback.InboundFeedbackRequest;
import com.careloop.feedback.Urgency;
import com.careloop.followup.FollowUpView;
import com.careloop.followup.FollowUpService;
import com.careloop.followup.Scenario;
import com.careloop.quality.KpiGroup;
import com.careloop.quality.KpiGrouping;
import com.careloop.quality.KpiValues;
import com.careloop.quality.QualityKeywords;
import com.careloop.quality.QualityKpis;
import com.careloop.testsupport.Api;
import com.careloop.testsupport.CareLoopTest;
import com.careloop.testsupport.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * GET /api/reports/{daily|weekly|monthly|agents} on a day of calls and feedback of its own: the XLSX opened with POI
 * (sheet names, Chinese-and-English headers, numeric cells equal to what the KPI service answers for the same days,
 * percentages as Excel percentages, a KPI without a value as an empty cell, the counts of calls and feedback items),
 * the JSON variant, and 400s naming the parameter.
 */
class ReportApiTest extends CareLoopTest {

    /** Monday 10 March 2031, 10:00 in Shanghai: the test's own day, no other test writes there */
    static final LocalDate DAY = LocalDate.parse("2031-03-10");
    private static boolean dataCreated;

    @Autowired TestRestTemplate rest;
    @Autowired ProcessEngine engine;
    @Autowired CustomerService customers;
    @Autowired FollowUpService followUps;
    @Autowired FeedbackService feedback;
    @Autowired QualityKpis kpis;
    @Autowired QualityKeywords keywords;

    @BeforeEach
    void createTheDaysCallsAndFeedbackOnce() {
        if (dataCreated) {
            return;
        }
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2031-03-10T02:00:00Z")));
        try {
            Fixtures fx = new Fixtures(engine, customers, followUps);
            fx.verifyValid(feedback.registerInbound(new InboundFeedbackRequest(fx.customer().id(), FeedbackType.COMPLAINT, Urgency.NORMAL, "安装迟到"), "center1").processInstanceId());
            fx.verifyValid(feedback.registerInbound(new InboundFeedbackRequest(fx.customer().id(), FeedbackType.COMPLAINT, Urgency.LOW, "态度不好"), "center1").processInstanceId());
            fx.verifyValid(feedback.registerInbound(new InboundFeedbackRequest(fx.customer().id(), FeedbackType.SUGGESTION, Urgency.LOW, "希望周末上门"), "center1").processInstanceId());

            // agent1: a reached call raising a complaint and a sales lead (converted the same day), and an unanswered call
            FollowUpView reached = fx.followUp(fx.customer(), Scenario.POST_RESOLUTION);
            call(fx, reached, "agent1", "callOutcome", "REACHED", "satisfaction", 2, "nps", 3, "feedbackType", "COMPLAINT",
                    "feedbackUrgency", "NORMAL", "feedbackText", "维修后仍然漏水", "purchaseIntent", true);
            fx.startFeedbackHandling(reached.processInstanceId());
            FeedbackRef lead = feedback.ofFollowUp(reached.id()).stream()
                    .filter(i -> i.type() == FeedbackType.SALES_LEAD).findFirst().orElseThrow();
            fx.complete(fx.task(lead.processInstanceId(), "Task_RespondToCustomer"), "contactMade", true, "responsePlan", "已致电",
                    "resolvedOnFirstContact", false);
            fx.complete(fx.task(lead.processInstanceId(), "Task_ResolveFeedback"), "handlingOutcome", "CONVERTED", "solution", "已下单");
            call(fx, fx.followUp(fx.customer(), Scenario.NEW_PURCHASE), "agent1", "callOutcome", "NO_ANSWER");
            // agent2: one reached call without feedback
            call(fx, fx.followUp(fx.customer(), Scenario.NEW_PURCHASE), "agent2", "callOutcome", "REACHED", "satisfaction", 5,
                    "nps", 10, "feedbackType", "NONE");
        } finally {
            ClockUtil.reset();
        }
        dataCreated = true;
    }

    private void call(Fixtures fx, FollowUpView f, String agent, Object... fields) {
        Task task = fx.task(f.processInstanceId(), "Task_CallCustomer");
        engine.getTaskService().setAssignee(task.getId(), agent);
        fx.complete(task, fields);
    }

    // -- helpers --------------------------------------------------------------------------------------------------

    ResponseEntity<byte[]> xlsx(String user, String path) {
        HttpHeaders h = new HttpHeaders();
        h.setBasicAuth(user, user);
        h.setAccept(List.of(MediaType.parseMediaType(XlsxReportWriter.CONTENT_TYPE)));
        return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(h), byte[].class);
    }

    XSSFWorkbook workbook(String path) throws IOException {
        ResponseEntity<byte[]> response = xlsx("manager1", path);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().toString()).isEqualTo(XlsxReportWriter.CONTENT_TYPE);
        return new XSSFWorkbook(new ByteArrayInputStream(response.getBody()));
    }

    static List<String> sheetNames(XSSFWorkbook wb) {
        List<String> names = new ArrayList<>();
        wb.forEach(s -> names.add(s.getSheetName()));
        return names;
    }

    static List<String> header(Sheet sheet) {
        List<String> labels = new ArrayList<>();
        sheet.getRow(0).forEach(c -> labels.add(c.getStringCellValue()));
        return labels;
    }

    static Cell cell(Sheet sheet, int rowIndex, String column) {
        int c = header(sheet).indexOf(column);
        assertThat(c).as("column " + column + " of " + sheet.getSheetName()).isNotNegative();
        Row row = sheet.getRow(rowIndex);
        return row == null ? null : row.getCell(c);
    }

    /** A numeric cell whose value is the KPI (a percentage: the KPI / 100, shown in a percent format). */
    static void assertNumber(Cell cell, Number expected, boolean percent) {
        assertThat(cell).as("cell for " + expected).isNotNull();
        assertThat(cell.getCellType()).as(cell.getAddress() + " is a number, not text").isEqualTo(CellType.NUMERIC);
        double value = expected.doubleValue() / (percent ? 100.0 : 1.0);
        assertThat(cell.getNumericCellValue()).as(cell.getAddress().toString()).isCloseTo(value, within(1e-9));
        if (percent) {
            assertThat(cell.getCellStyle().getDataFormatString()).as(cell.getAddress() + " format").contains("%");
        }
    }

    /** The cell of a KPI: empty when the KPI service has no value, else a number equal to it. */
    static void assertKpi(Cell cell, Number expected, boolean percent) {
        if (expected == null) {
            assertEmpty(cell);
        } else {
            assertNumber(cell, expected, percent);
        }
    }

    KpiValues totals(LocalDate from, LocalDate to) {
        return kpis.report(from, to, null, null, null).totals();
    }

    static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    static void assertEmpty(Cell cell) {
        assertThat(cell == null || cell.getCellType() == CellType.BLANK).as("an empty cell for a KPI without a value").isTrue();
    }

    static int rowStartingWith(Sheet sheet, String text) {
        for (Row row : sheet) {
            Cell first = row.getCell(0);
            if (first != null && first.getCellType() == CellType.STRING && first.getStringCellValue().startsWith(text)) {
                return row.getRowNum();
            }
        }
        throw new AssertionError("no row starting with " + text + " in " + sheet.getSheetName());
    }

    // -- the reports ----------------------------------------------------------------------------------------------

    @Test
    void dailyReportVolumeUnresolvedTypesAndKeywords() throws IOException {
        ResponseEntity<byte[]> response = xlsx("manager1", "/api/reports/daily?date=2031-03-10");
        assertThat(response.getHeaders().getContentDisposition().getType()).isEqualTo("attachment");
        assertThat(response.getHeaders().getContentDisposition().getFilename()).as("filename*, for browsers that read it")
                .isEqualTo("服务日报-2031-03-10.xlsx");
        assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).as("and a plain name for those that do not")
                .contains("filename=\"careloop-daily-2031-03-10.xlsx\"");

        try (XSSFWorkbook wb = workbook("/api/reports/daily?date=2031-03-10")) {
            assertThat(sheetNames(wb)).containsExactly("日报概览 (Daily overview)", "反馈类型 (Feedback types)", "高频词 (Keywords)");
            Sheet overview = wb.getSheet("日报概览 (Daily overview)");
            assertThat(header(overview)).contains("回访通话 (Calls)", "回访答卷 (Surveys)", "新增反馈 (Feedback opened)",
                    "未解决反馈 (Unresolved now)", "满意度 (CSAT)", "净推荐值 (NPS)");
            KpiValues kpi = totals(DAY, DAY.plusDays(1));
            assertThat(kpi.surveys()).as("the day's two answers").isEqualTo(2);
            assertThat(kpi.csat()).isNotNull();
            Cell from = cell(overview, 1, "开始日期 (From)");
            assertThat(DateUtil.isCellDateFormatted(from)).isTrue();
            assertThat(from.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(DAY);
            assertNumber(cell(overview, 1, "回访通话 (Calls)"), 3, false);
            assertNumber(cell(overview, 1, "回访答卷 (Surveys)"), kpi.surveys(), false);
            assertNumber(cell(overview, 1, "新增反馈 (Feedback opened)"), 5, false);
            assertKpi(cell(overview, 1, "未解决反馈 (Unresolved now)"), kpi.backlog(), false);
            assertKpi(cell(overview, 1, "超期反馈 (Overdue now)"), kpi.overdue(), false);
            assertNumber(cell(overview, 1, "满意度 (CSAT)"), kpi.csat(), true);
            assertKpi(cell(overview, 1, "净推荐值 (NPS)"), kpi.nps(), false);
            assertKpi(cell(overview, 1, "问题解决率 (Resolution rate)"), kpi.resolutionRate(), true);

            Sheet types = wb.getSheet("反馈类型 (Feedback types)");
            assertThat(header(types)).containsExactly("类型 (Type)", "名称 (Label)", "数量 (Count)", "占比 (Share)");
            assertThat(cell(types, 1, "类型 (Type)").getStringCellValue()).as("the most frequent first").isEqualTo("COMPLAINT");
            assertThat(cell(types, 1, "名称 (Label)").getStringCellValue()).isEqualTo("投诉 Complaint");
            assertNumber(cell(types, 1, "数量 (Count)"), 3, false);
            assertNumber(cell(types, 1, "占比 (Share)"), 60.0, true);
            assertThat(types.getLastRowNum()).as("every type, none left out").isEqualTo(FeedbackType.values().length);

            Sheet words = wb.getSheet("高频词 (Keywords)");
            assertThat(header(words)).containsExactly("排名 (Rank)", "关键词 (Keyword)", "次数 (Count)");
            List<QualityKeywords.KeywordCount> top = keywords.top(DAY, DAY.plusDays(1), QualityReports.KEYWORDS);
            assertThat(words.getLastRowNum()).isEqualTo(top.size());
            for (int i = 0; i < top.size(); i++) {
                assertThat(cell(words, i + 1, "关键词 (Keyword)").getStringCellValue()).isEqualTo(top.get(i).keyword());
                assertNumber(cell(words, i + 1, "次数 (Count)"), top.get(i).count(), false);
                assertNumber(cell(words, i + 1, "排名 (Rank)"), i + 1, false);
            }
        }
    }

    @Test
    void weeklyReportSatisfactionTrendByDayTypesAndOverdue() throws IOException {
        try (XSSFWorkbook wb = workbook("/api/reports/weekly?week=2031-W11")) {
            assertThat(sheetNames(wb)).containsExactly("满意度趋势 (Satisfaction trend)", "反馈类型 (Feedback types)",
                    "超期与积压 (Overdue and backlog)");
            Sheet trend = wb.getSheet("满意度趋势 (Satisfaction trend)");
            assertThat(header(trend)).containsExactly("日期 (Date)", "答卷数 (Surveys)", "满意度 (CSAT)", "平均满意分 (CSAT mean)", "净推荐值 (NPS)");
            assertThat(totals(DAY, DAY.plusDays(1)).csat()).as("Monday has answers").isNotNull();
            assertThat(totals(DAY.plusDays(1), DAY.plusDays(2)).csat()).as("Tuesday none: an empty cell").isNull();
            for (int i = 0; i < 7; i++) {
                LocalDate day = DAY.plusDays(i);
                KpiValues kpi = totals(day, day.plusDays(1));
                assertThat(cell(trend, i + 1, "日期 (Date)").getLocalDateTimeCellValue().toLocalDate()).isEqualTo(day);
                assertNumber(cell(trend, i + 1, "答卷数 (Surveys)"), kpi.surveys(), false);
                assertKpi(cell(trend, i + 1, "满意度 (CSAT)"), kpi.csat(), true);
                assertKpi(cell(trend, i + 1, "平均满意分 (CSAT mean)"), kpi.csatMean(), false);
                assertKpi(cell(trend, i + 1, "净推荐值 (NPS)"), kpi.nps(), false);
            }
            int total = rowStartingWith(trend, "合计");
            assertThat(total).isEqualTo(8);
            KpiValues week = totals(DAY, DAY.plusDays(7));
            assertKpi(cell(trend, total, "满意度 (CSAT)"), week.csat(), true);

            Sheet types = wb.getSheet("反馈类型 (Feedback types)");
            assertNumber(cell(types, 1, "数量 (Count)"), 3, false);
            Sheet overdue = wb.getSheet("超期与积压 (Overdue and backlog)");
            assertKpi(cell(overdue, 1, "超期反馈 (Overdue now)"), week.overdue(), false);
            assertKpi(cell(overdue, 1, "未解决反馈 (Unresolved now)"), week.backlog(), false);
            assertKpi(cell(overdue, 1, "响应及时率 (Response on time)"), week.responseOnTime(), true);
            assertKpi(cell(overdue, 1, "解决及时率 (Resolution on time)"), week.resolutionOnTime(), true);
            assertKpi(cell(overdue, 1, "问题解决率 (Resolution rate)"), week.resolutionRate(), true);
        }
    }

    @Test
    void monthlyReportComparesEveryKpiWithThePreviousMonthAndQuarter() throws IOException {
        try (XSSFWorkbook wb = workbook("/api/reports/monthly?month=2031-03")) {
            assertThat(sheetNames(wb)).containsExactly("指标对比 (KPI comparison)");
            Sheet sheet = wb.getSheet("指标对比 (KPI comparison)");
            List<String> header = header(sheet);
            assertThat(header).contains("答卷数 (Surveys)", "满意度 (CSAT)", "平均满意分 (CSAT mean)", "净推荐值 (NPS)", "接通率 (Reach rate)",
                    "问题解决率 (Resolution rate)", "一次解决率 (FCR)", "响应及时率 (Response on time)", "解决及时率 (Resolution on time)",
                    "重开率 (Reopen rate)", "潜在需求转化率 (Lead conversion)", "服务态度 (Attitude)", "专业能力 (Expertise)",
                    "及时性 (Timeliness)", "解决效果 (Resolution)", "便捷性 (Convenience)", "未解决反馈 (Unresolved now)", "超期反馈 (Overdue now)");
            KpiValues march = totals(d("2031-03-01"), d("2031-04-01"));
            KpiValues february = totals(d("2031-02-01"), d("2031-03-01"));
            KpiValues q1 = totals(d("2031-01-01"), d("2031-04-01"));
            KpiValues q4 = totals(d("2030-10-01"), d("2031-01-01"));
            assertThat(march.csat()).isNotNull();
            assertThat(february.csat()).as("no answers in February: empty cells").isNull();
            int month = rowStartingWith(sheet, "本月");
            int previous = rowStartingWith(sheet, "上月");
            int mom = rowStartingWith(sheet, "环比变化");
            int quarter = rowStartingWith(sheet, "本季度");
            int previousQuarter = rowStartingWith(sheet, "上季度");
            int qoq = rowStartingWith(sheet, "季度变化");
            assertThat(List.of(month, previous, mom, quarter, previousQuarter, qoq)).containsExactly(1, 2, 3, 4, 5, 6);
            assertThat(cell(sheet, previousQuarter, "期间 (Period)").getStringCellValue()).contains("2030-Q4");
            assertThat(cell(sheet, quarter, "期间 (Period)").getStringCellValue()).contains("2031-Q1");

            for (var k : List.of(new Object[] {"满意度 (CSAT)", (java.util.function.Function<KpiValues, Number>) KpiValues::csat, true},
                    new Object[] {"平均满意分 (CSAT mean)", (java.util.function.Function<KpiValues, Number>) KpiValues::csatMean, false},
                    new Object[] {"净推荐值 (NPS)", (java.util.function.Function<KpiValues, Number>) KpiValues::nps, false},
                    new Object[] {"接通率 (Reach rate)", (java.util.function.Function<KpiValues, Number>) KpiValues::reachRate, true},
                    new Object[] {"问题解决率 (Resolution rate)", (java.util.function.Function<KpiValues, Number>) KpiValues::resolutionRate, true},
                    new Object[] {"一次解决率 (FCR)", (java.util.function.Function<KpiValues, Number>) KpiValues::fcr, true},
                    new Object[] {"响应及时率 (Response on time)", (java.util.function.Function<KpiValues, Number>) KpiValues::responseOnTime, true},
                    new Object[] {"重开率 (Reopen rate)", (java.util.function.Function<KpiValues, Number>) KpiValues::reopenRate, true},
                    new Object[] {"潜在需求转化率 (Lead conversion)", (java.util.function.Function<KpiValues, Number>) KpiValues::leadConversion, true})) {
                String column = (String) k[0];
                @SuppressWarnings("unchecked")
                var value = (java.util.function.Function<KpiValues, Number>) k[1];
                boolean percent = (Boolean) k[2];
                assertKpi(cell(sheet, month, column), value.apply(march), percent);
                assertKpi(cell(sheet, previous, column), value.apply(february), percent);
                assertKpi(cell(sheet, quarter, column), value.apply(q1), percent);
                assertKpi(cell(sheet, previousQuarter, column), value.apply(q4), percent);
                assertKpi(cell(sheet, mom, column), difference(value.apply(march), value.apply(february)), percent);
                assertKpi(cell(sheet, qoq, column), difference(value.apply(q1), value.apply(q4)), percent);
            }
            assertNumber(cell(sheet, month, "答卷数 (Surveys)"), march.surveys(), false);
            assertNumber(cell(sheet, mom, "答卷数 (Surveys)"), march.surveys() - february.surveys(), false);
            assertKpi(cell(sheet, month, "服务态度 (Attitude)"), march.dimensions() == null ? null : march.dimensions().get("attitude"), false);
            assertKpi(cell(sheet, month, "未解决反馈 (Unresolved now)"), march.backlog(), false);
            assertEmpty(cell(sheet, previous, "未解决反馈 (Unresolved now)"));
        }
    }

    static Double difference(Number a, Number b) {
        return a == null || b == null ? null : Math.round((a.doubleValue() - b.doubleValue()) * 100) / 100.0;
    }

    @Test
    void agentsReportPerAgentCallsReachCsatNpsComplaintsLeadsConversions() throws IOException {
        try (XSSFWorkbook wb = workbook("/api/reports/agents?month=2031-03")) {
            assertThat(sheetNames(wb)).containsExactly("客服绩效 (Agent performance)");
            Sheet sheet = wb.getSheet("客服绩效 (Agent performance)");
            assertThat(header(sheet)).containsExactly("客服 (Agent)", "姓名 (Name)", "通话数 (Calls)", "答卷数 (Surveys)",
                    "接通率 (Reach rate)", "满意度 (CSAT)", "净推荐值 (NPS)", "投诉数 (Complaints raised)", "销售线索 (Leads)",
                    "成交转化 (Conversions)", "潜在需求转化率 (Lead conversion)", "质检数 (Call reviews)", "质检平均分 (QA score)");
            var byAgent = kpis.report(d("2031-03-01"), d("2031-04-01"), KpiGrouping.AGENT, null, null);
            KpiValues agent1Kpis = byAgent.groups().stream().filter(g -> g.key().equals("agent1")).map(KpiGroup::kpis).findFirst().orElseThrow();
            KpiValues agent2Kpis = byAgent.groups().stream().filter(g -> g.key().equals("agent2")).map(KpiGroup::kpis).findFirst().orElseThrow();
            assertThat(agent1Kpis.csat()).as("credited to the agent who made the call").isNotNull();

            int agent1 = rowStartingWith(sheet, "agent1");
            assertNumber(cell(sheet, agent1, "通话数 (Calls)"), 2, false);
            assertNumber(cell(sheet, agent1, "答卷数 (Surveys)"), agent1Kpis.surveys(), false);
            assertKpi(cell(sheet, agent1, "接通率 (Reach rate)"), agent1Kpis.reachRate(), true);
            assertKpi(cell(sheet, agent1, "满意度 (CSAT)"), agent1Kpis.csat(), true);
            assertKpi(cell(sheet, agent1, "净推荐值 (NPS)"), agent1Kpis.nps(), false);
            assertKpi(cell(sheet, agent1, "潜在需求转化率 (Lead conversion)"), agent1Kpis.leadConversion(), true);
            assertNumber(cell(sheet, agent1, "投诉数 (Complaints raised)"), 1, false);
            assertNumber(cell(sheet, agent1, "销售线索 (Leads)"), 1, false);
            assertNumber(cell(sheet, agent1, "成交转化 (Conversions)"), 1, false);
            int agent2 = rowStartingWith(sheet, "agent2");
            assertNumber(cell(sheet, agent2, "通话数 (Calls)"), 1, false);
            assertKpi(cell(sheet, agent2, "接通率 (Reach rate)"), agent2Kpis.reachRate(), true);
            assertKpi(cell(sheet, agent2, "满意度 (CSAT)"), agent2Kpis.csat(), true);
            assertNumber(cell(sheet, agent2, "投诉数 (Complaints raised)"), 0, false);
            int total = rowStartingWith(sheet, "合计");
            assertThat(total).isEqualTo(sheet.getLastRowNum());
            assertNumber(cell(sheet, total, "通话数 (Calls)"), 3, false);
            assertKpi(cell(sheet, total, "满意度 (CSAT)"), byAgent.totals().csat(), true);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSameSheetsAsJson() {
        var response = Api.as(rest, "supervisor1").get("/api/reports/monthly?month=2031-03");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
        Map<String, Object> body = response.getBody();
        assertThat(body).containsEntry("kind", "MONTHLY").containsEntry("period", "2031-03").containsEntry("from", "2031-03-01");
        List<Map<String, Object>> sheets = (List<Map<String, Object>>) body.get("sheets");
        assertThat(sheets).singleElement().satisfies(s -> assertThat(s).containsEntry("name", "指标对比 (KPI comparison)"));
        List<Map<String, Object>> columns = (List<Map<String, Object>>) sheets.get(0).get("columns");
        assertThat(columns).anySatisfy(c -> assertThat(c).containsEntry("key", "csat").containsEntry("label", "满意度 (CSAT)")
                .containsEntry("format", "PERCENT"));
        List<Map<String, Object>> rows = (List<Map<String, Object>>) sheets.get(0).get("rows");
        KpiValues march = totals(d("2031-03-01"), d("2031-04-01"));
        assertThat(((Number) rows.get(0).get("csat")).doubleValue()).as("the KPI as /api/kpis gives it").isEqualTo(march.csat());
        assertThat(((Number) rows.get(0).get("surveys")).longValue()).isEqualTo(march.surveys());
        assertThat(rows.get(0)).containsEntry("from", "2031-03-01");
        assertThat(rows.get(1)).as("February: no answers, null").containsEntry("csat", null);

        var daily = Api.as(rest, "manager1").get("/api/reports/daily?date=2031-03-10").getBody();
        Map<String, Object> overview = ((List<Map<String, Object>>) ((List<Map<String, Object>>) daily.get("sheets")).get(0).get("rows")).get(0);
        assertThat(overview).containsEntry("calls", 3).containsEntry("feedbackOpened", 5);
    }

    @Test
    void badParametersAre400NamingTheParameterAndOnlyManagersAndSupervisorsRead() {
        assertBad("/api/reports/daily?date=2031-13-01", "date");
        assertBad("/api/reports/daily", "date");
        assertBad("/api/reports/weekly?week=2031-W60", "week");
        assertBad("/api/reports/weekly?week=2031-03-10", "week");
        assertBad("/api/reports/monthly?month=March", "month");
        assertBad("/api/reports/agents?date=2031-03-10", "date");
        assertBad("/api/reports/yearly?year=2031", "kind");
        assertThat(Api.as(rest, "agent1").get("/api/reports/daily?date=2031-03-10").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(xlsx("agent1", "/api/reports/agents?month=2031-03").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(Api.anonymous(rest).get("/api/reports/daily?date=2031-03-10").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @SuppressWarnings("unchecked")
    void assertBad(String path, String parameter) {
        var response = Api.as(rest, "manager1").get(path);
        assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType().toString()).contains("problem+json");
        assertThat((List<Map<String, Object>>) response.getBody().get("errors")).as(path)
                .anySatisfy(e -> assertThat(e).containsEntry("field", parameter));
    }
}
