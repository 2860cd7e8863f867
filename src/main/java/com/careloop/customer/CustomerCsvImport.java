package com.careloop.customer;

import com.careloop.errors.InvalidRequestException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jakarta.validation.Validator;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports customers from a CRM export (CSV) as a stream: header row required, column order free, names
 * case-insensitive with Chinese aliases, UTF-8 (with or without BOM) or GBK. Good rows are upserted by externalId
 * in batches of 1000 (one transaction each, which also moves the import's record on: see {@link CustomerImports});
 * every bad row is reported with its line, column and reason and changes nothing — a format error, a field or
 * record over {@link CsvReader}'s caps, bytes not valid in the file's encoding, a rule of {@link CustomerRules} (the
 * same formats and rules as POST /api/customers). Rows are written by {@link CustomerWriter}, the one writer of
 * customers.
 * Empty cells leave an existing customer's value unchanged.
 */
@Service
public class CustomerCsvImport {

    static final int BATCH = 1000;
    static final int MAX_ERRORS = 1000;

    /** Column → accepted header names (lower case). */
    static final Map<String, List<String>> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("externalId", List.of("externalid", "external_id", "客户编号", "客户id", "客户代码"));
        COLUMNS.put("name", List.of("name", "客户名称", "客户姓名", "姓名", "名称"));
        COLUMNS.put("company", List.of("company", "公司", "公司名称", "单位"));
        COLUMNS.put("phone", List.of("phone", "联系电话", "电话", "手机", "手机号"));
        COLUMNS.put("email", List.of("email", "邮箱", "电子邮箱", "电子邮件"));
        COLUMNS.put("tier", List.of("tier", "客户等级", "等级"));
        COLUMNS.put("accountAgent", List.of("accountagent", "account_agent", "客户经理", "专属客服"));
        COLUMNS.put("firstPurchaseAt", List.of("firstpurchaseat", "first_purchase_at", "首次购买时间", "首次购买日期"));
        COLUMNS.put("lastPurchaseAt", List.of("lastpurchaseat", "last_purchase_at", "最近购买时间", "最近购买日期", "最后购买时间"));
        COLUMNS.put("lastResolvedAt", List.of("lastresolvedat", "last_resolved_at", "最近解决时间", "问题解决时间"));
        COLUMNS.put("lastLoginAt", List.of("lastloginat", "last_login_at", "最近登录时间", "最后登录时间"));
        COLUMNS.put("optOut", List.of("optout", "opt_out", "拒绝回访", "免打扰"));
        COLUMNS.put("tags", List.of("tags", "标签"));
        COLUMNS.put("products", List.of("products", "产品", "购买产品"));
        // the production batch of the products (batch-quality incidents): stored as product entries "<product>/<batch>"
        COLUMNS.put("batch", List.of("batch", "批次", "产品批次", "生产批次"));
    }

    private static final String[] TIMESTAMP_COLUMNS = {"firstPurchaseAt", "lastPurchaseAt", "lastResolvedAt", "lastLoginAt"};

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final CustomerImports imports;
    private final CustomerRules rules;
    private final CustomerWriter writer;
    private final Validator validator;

    CustomerCsvImport(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock, CustomerImports imports,
                      CustomerRules rules, CustomerWriter writer, Validator validator) {
        this.imports = imports;
        this.validator = validator;
        this.rules = rules;
        this.writer = writer;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** The file could not be read to its end (or had no usable header): what was committed is in {@link #record()}. */
    public static class ImportFailedException extends RuntimeException {
        private final transient CustomerImports.View record;
        private final List<InvalidRequestException.FieldError> errors;

        ImportFailedException(CustomerImports.View record, String detail, List<InvalidRequestException.FieldError> errors) {
            super(detail);
            this.record = record;
            this.errors = List.copyOf(errors);
        }

        public CustomerImports.View record() {
            return record;
        }

        public List<InvalidRequestException.FieldError> errors() {
            return errors;
        }
    }

    /**
     * Imports a CSV file as a recorded import (see {@link CustomerImports}).
     *
     * @return the finished (COMPLETED) import record
     * @throws ImportFailedException when the file has no usable header or cannot be read to its end; the record is
     *                               FAILED and says what was committed before
     */
    public CustomerImports.View importCsv(InputStream raw, String fileName, String startedBy) {
        long id = imports.start(fileName, startedBy);
        CustomerImports.Progress progress = new CustomerImports.Progress();
        Map<String, CustomerWriter.Row> batch = new LinkedHashMap<>();
        Charset charset = null;
        try {
            BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
            charset = detectCharset(in);
            progress.encoding = charset.name();
            CsvReader csv = new CsvReader(new StrictDecoder(in, charset));
            List<String> header;
            try {
                header = csv.next();
            } catch (CsvReader.RecordTooLongException e) {
                throw failed(id, progress, 1L, "the header row is too long: " + e.reason(), List.of(new InvalidRequestException.FieldError("file",
                        "the header row is too long (" + e.reason() + "): is this a CSV file?")));
            }
            if (header == null || header.stream().allMatch(String::isBlank)) {
                throw failed(id, progress, 1L, "the file is empty: a header row is required",
                        List.of(new InvalidRequestException.FieldError("file", "the file is empty: a header row is required")));
            }
            Map<String, Integer> index = new HashMap<>();
            List<String> ignored = new ArrayList<>();
            for (int i = 0; i < header.size(); i++) {
                String h = header.get(i).replace("\uFEFF", "").strip();
                String column = columnFor(h);
                if (column == null) {
                    if (!h.isEmpty()) {
                        ignored.add(h);
                    }
                } else {
                    index.putIfAbsent(column, i);
                }
            }
            progress.ignoredColumns = ignored;
            List<InvalidRequestException.FieldError> missing = new ArrayList<>();
            for (String required : List.of("externalId", "name")) {
                if (!index.containsKey(required)) {
                    missing.add(new InvalidRequestException.FieldError("file", "header has no " + required + " column (accepted names: "
                            + COLUMNS.get(required) + "); found " + header + " read as " + charset.name()));
                }
            }
            if (!missing.isEmpty()) {
                throw failed(id, progress, 1L, missing.stream().map(InvalidRequestException.FieldError::message)
                        .reduce((a, b) -> a + "; " + b).orElse(""), missing);
            }
            progress.linesRead = csv.line() - 1;
            progress.committedThroughLine = progress.linesRead;
            Predicate<String> users = rules.users();
            progress.users = users;
            long lastEnd = progress.linesRead; // the last line of the previous record
            while (true) {
                List<String> fields;
                try {
                    fields = csv.next();
                } catch (CsvReader.RecordTooLongException e) {
                    progress.rejected++;
                    progress.reject(e.line(), e.field() < 0 ? null : columnAt(index, e.field()), e.reason());
                    progress.linesRead = csv.line() - 1;
                    lastEnd = progress.linesRead;
                    imports.heartbeatIfDue(id, progress);
                    continue;
                }
                if (fields == null) {
                    break;
                }
                progress.linesRead = csv.line() - 1;
                if (fields.stream().allMatch(String::isBlank)) {
                    lastEnd = progress.linesRead;
                    continue;
                }
                CustomerWriter.Row row;
                if (csv.invalidBytes()) {
                    progress.rejected++;
                    progress.reject(csv.recordLine(), columnWith(fields, index, '\uFFFD'), "contains bytes that are not valid "
                            + charset.name() + " (the file was read as " + charset.name() + "); the row was not imported");
                    row = null;
                } else {
                    row = parse(csv.recordLine(), fields, index, progress, users);
                }
                if (row != null) {
                    if (batch.containsKey(row.externalId)) {
                        write(id, batch, progress, lastEnd); // the same customer twice: the later row wins
                    }
                    batch.put(row.externalId, row);
                    if (batch.size() >= BATCH) {
                        write(id, batch, progress, progress.linesRead);
                    }
                }
                lastEnd = progress.linesRead;
                imports.heartbeatIfDue(id, progress);
            }
            write(id, batch, progress, progress.linesRead);
            progress.committedThroughLine = progress.linesRead;
            imports.complete(id, progress);
            return imports.get(id);
        } catch (CsvReader.CsvFormatException e) {
            // every row before the broken record was read completely: commit the good ones, then say so
            write(id, batch, progress, e.line() - 1L);
            progress.committedThroughLine = e.line() - 1L;
            throw failed(id, progress, (long) e.line(), e.getMessage(), List.of(new InvalidRequestException.FieldError("file", e.getMessage())));
        } catch (IOException e) {
            write(id, batch, progress, progress.linesRead);
            String message = "the file cannot be read after line " + progress.linesRead + ": " + e.getMessage();
            throw failed(id, progress, progress.linesRead + 1, message, List.of(new InvalidRequestException.FieldError("file", message)));
        } catch (ImportFailedException e) {
            throw e;
        } catch (RuntimeException e) {
            imports.fail(id, progress, null, "the import stopped on an error after line " + progress.committedThroughLine + ": " + e);
            throw e;
        }
    }

    private ImportFailedException failed(long id, CustomerImports.Progress progress, Long line, String failure,
                                         List<InvalidRequestException.FieldError> errors) {
        imports.fail(id, progress, line, failure);
        CustomerImports.View record = imports.get(id);
        String committed = record.accepted() == 0
                ? "Nothing was imported."
                : "Imported before that: " + record.accepted() + (record.accepted() == 1 ? " row" : " rows") + " of lines 2-" + record.committedThroughLine() + " ("
                + record.created() + " created, " + record.updated() + " updated" + (record.rejected() > 0 ? ", " + record.rejected()
                + " rejected line" + (record.rejected() == 1 ? "" : "s") : "") + "); nothing after line " + record.committedThroughLine()
                + ". Correct the file and import it again (rows are upserted by externalId).";
        return new ImportFailedException(record, "Import " + id + " failed: " + failure + ". " + committed, errors);
    }

    private static String columnAt(Map<String, Integer> index, int field) {
        return index.entrySet().stream().filter(e -> e.getValue() == field).map(Map.Entry::getKey).findFirst().orElse(null);
    }

    private static String columnWith(List<String> fields, Map<String, Integer> index, char c) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).indexOf(c) >= 0) {
                return columnAt(index, i);
            }
        }
        return null;
    }

    private static String columnFor(String header) {
        String h = header.toLowerCase(Locale.ROOT).replace(" ", "");
        for (var e : COLUMNS.entrySet()) {
            if (e.getValue().contains(h)) {
                return e.getKey();
            }
        }
        return null;
    }

    /**
     * UTF-8 when the file starts with a BOM (skipped) or its first 64 KB decode as UTF-8; otherwise GB18030 (a
     * superset of GBK, what Excel in China writes).
     */
    static Charset detectCharset(BufferedInputStream in) throws IOException {
        in.mark(1 << 16);
        byte[] sample = in.readNBytes((1 << 16) - 1);
        in.reset();
        if (sample.length >= 3 && (sample[0] & 0xFF) == 0xEF && (sample[1] & 0xFF) == 0xBB && (sample[2] & 0xFF) == 0xBF) {
            in.skipNBytes(3);
            return StandardCharsets.UTF_8;
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(sample);
        CoderResult result = utf8.decode(bytes, CharBuffer.allocate(sample.length + 1), true);
        boolean cutInTheMiddleOfACharacter = result.isMalformed() && bytes.remaining() <= 3 && sample.length == (1 << 16) - 1;
        if (!result.isError() || cutInTheMiddleOfACharacter) {
            return StandardCharsets.UTF_8;
        }
        return Charset.forName("GB18030");
    }

    private CustomerWriter.Row parse(int line, List<String> fields, Map<String, Integer> index, CustomerImports.Progress progress,
                      Predicate<String> users) {
        CustomerWriter.Row r = new CustomerWriter.Row();
        r.line = line;
        List<CustomerImports.LineError> errors = new ArrayList<>();
        r.externalId = cell(fields, index, "externalId");
        r.name = cell(fields, index, "name");
        r.company = cell(fields, index, "company");
        r.phone = cell(fields, index, "phone");
        r.email = cell(fields, index, "email");
        String tier = cell(fields, index, "tier");
        if (tier != null) {
            r.tier = switch (tier.toUpperCase(Locale.ROOT)) {
                case "VIP", "贵宾", "重要客户" -> "VIP";
                case "STANDARD", "普通", "一般", "标准" -> "STANDARD";
                default -> {
                    errors.add(new CustomerImports.LineError(line, "tier", "'" + tier + "' is not a tier (STANDARD or VIP)"));
                    yield null;
                }
            };
        }
        r.accountAgent = cell(fields, index, "accountAgent");
        String optOut = cell(fields, index, "optOut");
        if (optOut != null) {
            switch (optOut.toLowerCase(Locale.ROOT)) {
                case "true", "1", "yes", "y", "是" -> r.optOut = true;
                case "false", "0", "no", "n", "否" -> r.optOut = false;
                default -> errors.add(new CustomerImports.LineError(line, "optOut", "'" + optOut + "' is not true/false (是/否)"));
            }
        }
        r.tags = cell(fields, index, "tags");
        r.products = cell(fields, index, "products");
        String batch = cell(fields, index, "batch");
        if (batch != null && r.products == null) {
            errors.add(new CustomerImports.LineError(line, "batch", "needs the products it is the batch of"));
        } else if (batch != null) {
            // "KFR-50LW" of batch 2409 becomes "KFR-50LW,KFR-50LW/2409": a campaign for products [KFR-50LW/2409] finds the batch
            List<String> entries = java.util.Arrays.stream(r.products.split("[,，]")).map(String::strip).filter(e -> !e.isEmpty()).toList();
            r.products = String.join(",", entries) + "," + String.join(",", entries.stream().map(e -> e + "/" + batch).toList());
        }
        for (String column : TIMESTAMP_COLUMNS) {
            String value = cell(fields, index, column);
            if (value != null) {
                Instant at = timestamp(value, clock.getZone());
                if (at == null) {
                    errors.add(new CustomerImports.LineError(line, column, "'" + value + "' is not a date (2026-05-01, 2026/05/01, 2026-05-01 14:30 or ISO-8601)"));
                } else {
                    r.times.put(column, at);
                }
            }
        }
        // the field rules of POST /api/customers (CustomerRequest's annotations), then the record rules it applies too
        validator.validate(asRequest(r)).stream()
                .sorted(java.util.Comparator.comparing(v -> v.getPropertyPath().toString()))
                .forEach(v -> errors.add(new CustomerImports.LineError(line, v.getPropertyPath().toString(), v.getMessage())));
        rules.check(r.times, "VIP".equals(r.tier), r.accountAgent, users)
                .forEach(e -> errors.add(new CustomerImports.LineError(line, e.field(), e.message())));
        if (!errors.isEmpty()) {
            progress.rejected++;
            errors.forEach(e -> progress.reject(e.line(), e.column(), e.message()));
            return null;
        }
        return r;
    }

    /** The row as POST /api/customers would receive it, so one set of field rules applies to both. */
    private static CustomerRequest asRequest(CustomerWriter.Row r) {
        CustomerTier tier = r.tier == null ? null : CustomerTier.valueOf(r.tier);
        return new CustomerRequest(r.externalId, r.name, r.company, r.phone, r.email, tier, r.accountAgent, r.optOut, r.tags,
                r.times.get("firstPurchaseAt"), r.times.get("lastPurchaseAt"), r.times.get("lastResolvedAt"),
                r.times.get("lastLoginAt"), r.products);
    }

    private static String cell(List<String> fields, Map<String, Integer> index, String column) {
        Integer i = index.get(column);
        if (i == null || i >= fields.size()) {
            return null;
        }
        String v = fields.get(i).strip();
        return v.isEmpty() ? null : v;
    }

    private static final DateTimeFormatter[] LOCAL_DATE_TIMES = {
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"), DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"),
        DateTimeFormatter.ofPattern("yyyy/M/d H:mm:ss"), DateTimeFormatter.ofPattern("yyyy/M/d H:mm")};
    private static final DateTimeFormatter[] DATES = {DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.ofPattern("yyyy/M/d")};

    static Instant timestamp(String value, ZoneId zone) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException ignored) {
            // next format
        }
        try {
            return LocalDateTime.parse(value).atZone(zone).toInstant();
        } catch (DateTimeParseException ignored) {
            // next format
        }
        for (DateTimeFormatter f : LOCAL_DATE_TIMES) {
            try {
                return LocalDateTime.parse(value, f).atZone(zone).toInstant();
            } catch (DateTimeParseException ignored) {
                // next format
            }
        }
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(value, f).atStartOfDay(zone).toInstant();
            } catch (DateTimeParseException ignored) {
                // next format
            }
        }
        return null;
    }

    /** Upserts one batch in its own transaction; a batch that lost a race against a concurrent import is redone once. */
    /**
     * Upserts one batch and records the import's progress in the same transaction, so the record's counts are
     * exactly what is committed; a batch that lost a race against a concurrent import is redone once.
     *
     * @param throughLine the last line of the last row in the batch: every line up to it is then done
     */
    private void write(long importId, Map<String, CustomerWriter.Row> batch, CustomerImports.Progress progress, long throughLine) {
        if (batch.isEmpty()) {
            return;
        }
        List<CustomerWriter.Row> rows = new ArrayList<>(batch.values());
        batch.clear();
        long before = progress.created;
        try {
            tx.executeWithoutResult(status -> writeBatch(importId, rows, progress, throughLine));
        } catch (DuplicateKeyException concurrentInsert) {
            tx.executeWithoutResult(status -> writeBatch(importId, rows, progress, throughLine));
        }
        refreshStatisticsWhenGrown(before, progress.created);
    }

    private void writeBatch(long importId, List<CustomerWriter.Row> rows, CustomerImports.Progress progress, long throughLine) {
        long created = progress.created;
        long updated = progress.updated;
        long rejected = progress.rejected;
        long committed = progress.committedThroughLine;
        int pendingErrors = progress.pendingErrors.size();
        int errorsKept = progress.errorsKept;
        try {
            long[] result = upsert(rows, progress);
            progress.created += result[0];
            progress.updated += result[1];
            progress.committedThroughLine = Math.max(committed, throughLine);
            imports.progress(importId, progress);
        } catch (RuntimeException e) { // rolled back with the batch: counts stay those committed
            progress.created = created;
            progress.updated = updated;
            progress.rejected = rejected;
            progress.committedThroughLine = committed;
            if (progress.pendingErrors.size() > pendingErrors) {
                progress.pendingErrors.subList(pendingErrors, progress.pendingErrors.size()).clear();
            }
            progress.errorsKept = errorsKept;
            throw e;
        }
    }

    /**
     * A large import into a small table: PostgreSQL still plans the per-batch externalId lookup with the
     * statistics of the small table (a sequential scan, slower with every batch) until autovacuum catches up.
     * Whenever the rows created by this import pass 5,000, 50,000, 500,000 …, the table is analyzed.
     */
    private void refreshStatisticsWhenGrown(long before, long after) {
        for (long mark = 5_000; mark <= after; mark *= 10) {
            if (before < mark && isPostgres()) {
                jdbc.execute("analyze customer");
                return;
            }
        }
    }

    private volatile Boolean postgres;

    private boolean isPostgres() {
        if (postgres == null) {
            postgres = Boolean.TRUE.equals(jdbc.execute((java.sql.Connection c) ->
                    c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")));
        }
        return postgres;
    }

    private long[] upsert(List<CustomerWriter.Row> rows, CustomerImports.Progress progress) {
        CustomerWriter.Result result = writer.upsert(rows, progress.users, CustomerOptedOut.IMPORT);
        for (CustomerWriter.Refused refused : result.refused()) {
            progress.rejected++;
            refused.errors().forEach(e -> progress.reject(refused.row().line, e.field(), e.message()));
        }
        return new long[] {result.created(), result.updated()};
    }

}
