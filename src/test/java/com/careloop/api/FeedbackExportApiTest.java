package com.careloop.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.careloop.customer.CustomerRequest;
import com.careloop.customer.CustomerService;
import com.careloop.customer.CustomerView;
import com.careloop.errors.InvalidRequestException;
import com.careloop.feedback.FeedbackChannel;
import com.careloop.feedback.FeedbackRegisterQuery;
import com.careloop.feedback.FeedbackService;
import com.careloop.feedback.FeedbackType;
import com.careloop.feedback.InboundFeedbackRequest;
import com.careloop.feedback.Urgency;
import com.careloop.identity.ApiUser;
import com.careloop.testsupport.CareLoopTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.ZipEntry;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * GET /api/feedback/export.xlsx: the register's query as a workbook, read back as what it is (a zip of XML): zh-CN and
 * English headers, the rows of the query in the list's order, phones masked, Chinese text intact; the list's rule of
 * who sees what; bad parameters a 400 naming them; a query over the row limit refused.
 */
class FeedbackExportApiTest extends CareLoopTest {

    static final String PHONE = "13912345678";
    static final String CONTACT = "13698765432";

    @Autowired TestRestTemplate rest;
    @Autowired CustomerService customers;
    @Autowired FeedbackService feedback;
    @Autowired FeedbackRegisterQuery register;

    CustomerView customer;
    String complaint;
    String lead;

    @BeforeEach
    void register() {
        String id = "X-" + UUID.randomUUID().toString().substring(0, 8);
        customer = customers.upsertView(new CustomerRequest(id, "导出客户 <&\"张>", null, PHONE, null, null, null, false, null,
                null, null, null, null, null));
        complaint = feedback.registerInbound(new InboundFeedbackRequest(customer.id(), null, null, FeedbackChannel.WECHAT, "李四", CONTACT,
                "KFR-35GW-" + id.substring(2), null, "AC2405-" + id.substring(2), null, FeedbackType.COMPLAINT, Urgency.NORMAL, null, "安装师傅迟到"), "center1").number();
        lead = feedback.registerInbound(new InboundFeedbackRequest(customer.id(), null, null, FeedbackChannel.APP, null, null,
                null, null, null, null, FeedbackType.SALES_LEAD, Urgency.LOW, null, "想再买一台"), "center1").number();
    }

    ResponseEntity<byte[]> export(String user, String query) {
        HttpHeaders h = new HttpHeaders();
        h.setBasicAuth(user, user);
        return rest.exchange("/api/feedback/export.xlsx?customerExternalId=" + customer.externalId() + query, HttpMethod.GET,
                new HttpEntity<>(h), byte[].class);
    }

    /** The first sheet's rows (cell reference order), each cell's text: inline strings, shared strings or values. */
    static List<List<String>> sheet(byte[] xlsx) throws Exception {
        Map<String, byte[]> parts = new HashMap<>();
        // POI writes data descriptors (sizes after the data): read the central directory, as spreadsheet programs do
        java.nio.file.Path file = java.nio.file.Files.createTempFile("export", ".xlsx");
        try {
            java.nio.file.Files.write(file, xlsx);
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
                for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                    try (java.io.InputStream in = zip.getInputStream(e)) {
                        parts.put(e.getName(), in.readAllBytes());
                    }
                }
            }
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
        assertThat(parts).containsKeys("[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml");
        List<String> shared = new ArrayList<>();
        if (parts.containsKey("xl/sharedStrings.xml")) {
            NodeList si = xml(parts.get("xl/sharedStrings.xml")).getElementsByTagName("si");
            for (int i = 0; i < si.getLength(); i++) {
                shared.add(si.item(i).getTextContent());
            }
        }
        List<List<String>> rows = new ArrayList<>();
        NodeList rowNodes = xml(parts.get("xl/worksheets/sheet1.xml")).getElementsByTagName("row");
        for (int r = 0; r < rowNodes.getLength(); r++) {
            NodeList cells = ((Element) rowNodes.item(r)).getElementsByTagName("c");
            TreeMap<Integer, String> byColumn = new TreeMap<>();
            for (int c = 0; c < cells.getLength(); c++) {
                Element cell = (Element) cells.item(c);
                String ref = cell.getAttribute("r").replaceAll("[0-9]", "");
                int column = 0;
                for (char ch : ref.toCharArray()) {
                    column = column * 26 + (ch - 'A' + 1);
                }
                String text = "s".equals(cell.getAttribute("t"))
                        ? shared.get(Integer.parseInt(cell.getElementsByTagName("v").item(0).getTextContent()))
                        : cell.getTextContent();
                byColumn.put(column - 1, text);
            }
            List<String> row = new ArrayList<>();
            int width = byColumn.isEmpty() ? 0 : byColumn.lastKey() + 1;
            for (int c = 0; c < width; c++) {
                row.add(byColumn.getOrDefault(c, ""));
            }
            rows.add(row);
        }
        return rows;
    }

    static Document xml(byte[] part) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(part));
    }

    @Test
    void aManagerExportsTheQueryWithMaskedPhonesAndChineseHeaders() throws Exception {
        ResponseEntity<byte[]> r = export("manager1", "");
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(r.getHeaders().getContentType().toString()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(r.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).contains("attachment").contains(".xlsx")
                .contains("filename*=UTF-8''" + java.net.URLEncoder.encode("反馈登记表", StandardCharsets.UTF_8));
        List<List<String>> rows = sheet(r.getBody());
        List<String> header = rows.get(0);
        assertThat(header).startsWith("反馈编号 (Number)", "登记时间 (Registered)", "渠道 (Channel)")
                .contains("客户电话 (Customer phone, masked)", "联系电话 (Contact phone, masked)");
        assertThat(header).allSatisfy(h -> assertThat(h).matches("^[\\p{IsHan}（）].*\\(.+\\)$"));
        assertThat(rows).hasSize(3);
        // both wait for verification (no deadline): registration order, as the list
        assertThat(rows.subList(1, 3)).extracting(row -> row.get(0)).containsExactly(complaint, lead);
        List<String> c = rows.get(1);
        int customerPhone = header.indexOf("客户电话 (Customer phone, masked)");
        int contactPhone = header.indexOf("联系电话 (Contact phone, masked)");
        assertThat(c.get(header.indexOf("客户 (Customer)"))).isEqualTo("导出客户 <&\"张>");
        assertThat(c.get(header.indexOf("渠道 (Channel)"))).isEqualTo(FeedbackChannel.WECHAT.label());
        assertThat(c.get(header.indexOf("类型 (Type)"))).isEqualTo(FeedbackType.COMPLAINT.label());
        assertThat(c.get(header.indexOf("产品型号 (Product model)"))).isEqualTo("KFR-35GW-" + customer.externalId().substring(2));
        assertThat(c.get(customerPhone)).isEqualTo("139****5678");
        assertThat(c.get(contactPhone)).isEqualTo("136****5432");
        String everything = String.join("|", rows.stream().flatMap(List::stream).toList());
        assertThat(everything).doesNotContain(PHONE).doesNotContain(CONTACT).doesNotContain("李四");

        List<List<String>> wechat = sheet(export("manager1", "&channel=WECHAT").getBody());
        assertThat(wechat).hasSize(2);
        assertThat(wechat.get(1).get(0)).isEqualTo(complaint);
    }

    @Test
    void theListsRuleOfWhoSeesWhatApplies() throws Exception {
        assertThat(sheet(export("center1", "").getBody())).as("cs-center: items waiting for verification").hasSize(3);
        assertThat(sheet(export("sales1", "").getBody())).as("sales: nothing routed to it yet").hasSize(1);
        assertThat(sheet(export("agent1", "").getBody())).as("an agent: only items of their own calls").hasSize(1);
        HttpHeaders none = new HttpHeaders();
        assertThat(rest.exchange("/api/feedback/export.xlsx", HttpMethod.GET, new HttpEntity<>(none), String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void badParametersAreA400NamingThem() {
        for (Map.Entry<String, String> bad : Map.of("&channel=FAX", "channel", "&team=nobody", "team", "&from=2026-13-01", "from",
                "&overdue=maybe", "overdue", "&from=2026-12-02&to=2026-12-01", "to").entrySet()) {
            HttpHeaders h = new HttpHeaders();
            h.setBasicAuth("manager1", "manager1");
            ResponseEntity<String> r = rest.exchange("/api/feedback/export.xlsx?customerExternalId=" + customer.externalId() + bad.getKey(),
                    HttpMethod.GET, new HttpEntity<>(h), String.class);
            assertThat(r.getStatusCode()).as(bad.getKey()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(r.getHeaders().getContentType().toString()).as(bad.getKey()).startsWith("application/problem+json");
            assertThat(r.getBody()).as(bad.getKey()).contains("\"" + bad.getValue() + "\"");
        }
    }

    @Test
    void aQueryOverTheRowLimitIsRefused() {
        FeedbackRegisterQuery.Filter all = new FeedbackRegisterQuery.Filter(null, null, null, null, null, null, null, customer.externalId(),
                null, null, null, 0, 1);
        ApiUser manager = new ApiUser("manager1", Set.of("cs-managers"));
        assertThat(register.export(all, manager, 2)).hasSize(2);
        assertThatThrownBy(() -> register.export(all, manager, 1)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("at most 1");
    }
}
