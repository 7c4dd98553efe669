package vn.loa.misinformation.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.loa.identity.SignedInUser;
import vn.loa.listening.PostRecords;
import vn.loa.misinformation.Case;
import vn.loa.misinformation.Cases;
import vn.loa.misinformation.Evidence;
import vn.loa.nlp.AccentFolding;
import vn.loa.shared.InvalidInput;
import vn.loa.shared.Languages;
import vn.loa.shared.LocalTime;

/**
 * Evidence snapshots and packages. A package holds {@code manifest.json} (the case, the legal basis, each
 * item with its SHA-256), the items exactly as captured under {@code items/}, {@code SHA256SUMS} (so that
 * {@code sha256sum -c SHA256SUMS} checks it on any machine) and {@code tom-tat.html}, a printable summary; a referred
 * case's package also holds the letter to the police ({@link ReferralLetter}), listed in {@code SHA256SUMS}.
 */
@Service
class JdbcEvidence implements Evidence {

    /** The package's format: 2 added the case's attachments and verification notes. */
    static final String PACKAGE_FORMAT = "loa-evidence-package/2";
    /** The formats {@link #verify} reads. */
    private static final java.util.Set<String> PACKAGE_FORMATS = java.util.Set.of("loa-evidence-package/1", PACKAGE_FORMAT);
    static final String NOTE_FORMAT = "loa-case-note/1";
    private static final long MAX_PACKAGE_BYTES = 512L * 1024 * 1024;
    private static final int MAX_ENTRIES = 20_000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JdbcCases cases;
    private final PostRecords postRecords;
    private final EvidenceStore store;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final org.springframework.context.MessageSource messages;
    private final vn.loa.identity.AgencyNames agencyNames;
    private final EvidenceWords words;
    private final ReferralLetter referralLetter;

    JdbcEvidence(JdbcClient jdbc, Clock clock, JdbcCases cases, PostRecords postRecords, EvidenceStore store,
            ApplicationEventPublisher events, org.springframework.context.MessageSource messages,
            vn.loa.identity.AgencyNames agencyNames, EvidenceWords words, ReferralLetter referralLetter) {
        this.referralLetter = referralLetter;
        this.messages = messages;
        this.words = words;
        this.agencyNames = agencyNames;
        this.jdbc = jdbc;
        this.clock = clock;
        this.cases = cases;
        this.postRecords = postRecords;
        this.store = store;
        this.events = events;
    }

    @Override
    public List<Item> items(long caseId, SignedInUser user) {
        cases.get(caseId, user);
        return items(caseId);
    }

    private List<Item> items(long caseId) {
        return jdbc.sql("""
                SELECT id, case_id, post_id, captured_at, captured_by, sha256, octet_length(content)
                  FROM evidence_item WHERE case_id = ? ORDER BY id
                """).param(caseId).query((rs, n) -> new Item(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6), rs.getInt(7))).list();
    }

    @Override
    @Transactional
    public List<Item> capture(long caseId, SignedInUser user) {
        Case found = cases.get(caseId, user);
        if (!CaseAccess.canWork(found, user)) {
            throw new AccessDeniedException("evidence is captured by the coordinators and the agency");
        }
        List<Long> postIds = jdbc.sql("SELECT post_id FROM case_post WHERE case_id = ? ORDER BY post_id").param(caseId)
                .query(Long.class).list();
        return store.capture(caseId, postRecords.byIds(postIds), user.actor(), clock.instant());
    }

    @Override
    @Transactional
    public void writePackage(long caseId, SignedInUser user, OutputStream out) throws IOException {
        Case found = cases.get(caseId, user);
        if (!CaseAccess.canWork(found, user)) {
            throw new AccessDeniedException("evidence packages are for the coordinators and the agency");
        }
        Instant now = clock.instant();
        // the police read people by name; the login ids stay beside the names in the manifest, as Loa records them
        Function<String, String> people = words.people();
        List<Item> items = items(caseId);
        Map<String, byte[]> itemFiles = new LinkedHashMap<>();
        List<Map<String, Object>> listed = new ArrayList<>();
        for (Item item : items) {
            String name = String.format("items/%04d-post-%d.json", listed.size() + 1, item.postId());
            byte[] content = jdbc.sql("SELECT content FROM evidence_item WHERE id = ?").param(item.id())
                    .query((rs, n) -> rs.getBytes(1)).single();
            itemFiles.put(name, content);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("file", name);
            entry.put("itemId", item.id());
            entry.put("postId", item.postId());
            entry.put("capturedAt", item.capturedAt().toString());
            entry.put("capturedBy", item.capturedBy());
            entry.put("capturedByName", people.apply(item.capturedBy()));
            entry.put("sha256", item.sha256());
            entry.put("size", content.length);
            listed.add(entry);
        }
        // the files attached to the case, byte for byte, with the SHA-256 recorded when each was attached
        List<Cases.Attachment> attachments = cases.attachments(found);
        List<Map<String, Object>> listedAttachments = new ArrayList<>();
        for (Cases.Attachment attachment : attachments) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("file", attachmentEntry(listedAttachments.size() + 1, attachment.fileName()));
            entry.put("attachmentId", attachment.id());
            entry.put("fileName", attachment.fileName());
            entry.put("contentType", attachment.contentType());
            entry.put("uploadedAt", attachment.uploadedAt().toString());
            entry.put("uploadedBy", attachment.uploadedBy());
            entry.put("uploadedByName", people.apply(attachment.uploadedBy()));
            entry.put("sha256", attachment.sha256());
            entry.put("size", attachment.size());
            listedAttachments.add(entry);
        }
        // the verification notes, each as a JSON document made now from what was recorded
        List<Cases.Note> notes = cases.notes(found);
        Map<String, byte[]> noteFiles = new LinkedHashMap<>();
        List<Map<String, Object>> listedNotes = new ArrayList<>();
        for (Cases.Note note : notes) {
            String name = String.format("notes/%04d-note-%d.json", listedNotes.size() + 1, note.id());
            byte[] content = noteDocument(caseId, note, people.apply(note.author()));
            noteFiles.put(name, content);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("file", name);
            entry.put("noteId", note.id());
            entry.put("at", note.at().toString());
            entry.put("author", note.author());
            entry.put("authorName", people.apply(note.author()));
            entry.put("sha256", JdbcCases.sha256(content));
            entry.put("size", content.length);
            listedNotes.add(entry);
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", PACKAGE_FORMAT);
        manifest.put("hashAlgorithm", "SHA-256");
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("id", found.id());
        about.put("claim", found.claim());
        about.put("category", found.category().name());
        about.put("severity", found.severity().name());
        about.put("status", found.status().name());
        about.put("agency", found.agencyCode());
        about.put("agencyName", found.agencyCode() == null ? null
                : words.agency(found.agencyCode(), LocalDate.ofInstant(now, LocalTime.ZONE)));
        about.put("openedAt", found.openedAt().toString());
        manifest.put("case", about);
        manifest.put("legalBasis", found.legalBasis());
        List<ReportedLink> reported = reportedLinks(caseId);
        manifest.put("reportedLinks", reported.stream().map(r -> {
            Map<String, Object> link = new LinkedHashMap<>();
            link.put("link", r.link());
            link.put("receivedAt", r.receivedAt().toString());
            return link;
        }).toList());
        manifest.put("generatedAt", now.toString());
        manifest.put("generatedBy", user.username());
        manifest.put("generatedByName", people.apply(user.username()));
        manifest.put("items", listed);
        manifest.put("attachments", listedAttachments);
        manifest.put("notes", listedNotes);
        byte[] manifestBytes = json.writeValueAsBytes(manifest);
        String manifestSha = JdbcCases.sha256(manifestBytes);
        byte[] summary = summary(found, reported, items, listed, attachments, listedAttachments, notes, listedNotes,
                manifestSha, people, user.username(), now).getBytes(StandardCharsets.UTF_8);
        StringBuilder sums = new StringBuilder();
        sums.append(manifestSha).append("  manifest.json\n");
        for (List<Map<String, Object>> list : List.of(listed, listedAttachments, listedNotes)) {
            for (Map<String, Object> entry : list) {
                sums.append(entry.get("sha256")).append("  ").append(entry.get("file")).append('\n');
            }
        }
        sums.append(JdbcCases.sha256(summary)).append("  tom-tat.html\n");
        // a referral goes to the police as an official letter that names this package by its manifest's hash
        byte[] letter = null;
        if (found.status() == vn.loa.misinformation.CaseStatus.REFERRED) {
            List<String> links = new ArrayList<>(postRecords.byIds(items.stream().map(Item::postId).toList()).stream()
                    .map(PostRecords.PostRecord::url).toList());
            reported.forEach(r -> links.add(r.link()));
            letter = referralLetter.make(found, links, packageName(caseId), manifestSha, items.size(), attachments.size(),
                    notes.size(), LocalDate.ofInstant(now, LocalTime.ZONE));
            sums.append(JdbcCases.sha256(letter)).append("  ").append(ReferralLetter.FILE).append('\n');
        }
        jdbc.sql("INSERT INTO evidence_package (case_id, manifest_sha256, generated_at, generated_by) VALUES (?, ?, ?, ?)")
                .params(caseId, manifestSha, Timestamp.from(now), user.username()).update();
        events.publishEvent(new CaseEvent(user.actor(), "case.evidence-packaged", caseId,
                Map.of("manifestSha256", manifestSha, "items", items.size(), "attachments", attachments.size(),
                        "notes", notes.size())));
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        // each file dated when the package was made, in Vietnam's time as its summary's "Lập lúc" says: a ZIP holds a
        // local time without a zone, and unzip tools show it as it is, whatever the server's own zone
        LocalDateTime made = LocalDateTime.ofInstant(now, LocalTime.ZONE);
        put(zip, made, "manifest.json", manifestBytes);
        for (Map.Entry<String, byte[]> file : itemFiles.entrySet()) {
            put(zip, made, file.getKey(), file.getValue());
        }
        // one attachment's bytes in memory at a time (each up to the attachment limit)
        for (int i = 0; i < attachments.size(); i++) {
            byte[] content = jdbc.sql("SELECT content FROM case_attachment WHERE id = ?").param(attachments.get(i).id())
                    .query((rs, n) -> rs.getBytes(1)).single();
            put(zip, made, (String) listedAttachments.get(i).get("file"), content);
        }
        for (Map.Entry<String, byte[]> file : noteFiles.entrySet()) {
            put(zip, made, file.getKey(), file.getValue());
        }
        put(zip, made, "SHA256SUMS", sums.toString().getBytes(StandardCharsets.UTF_8));
        put(zip, made, "tom-tat.html", summary);
        if (letter != null) {
            put(zip, made, ReferralLetter.FILE, letter);
        }
        zip.finish();
        zip.flush();
    }

    /** The package's file name, as the case page's download gives it and the referral letter sends it. */
    static String packageName(long caseId) {
        return "chung-cu-vu-viec-" + caseId + ".zip";
    }

    /**
     * An attachment's name in the package: its number, then its name in ASCII letters, digits, dots and dashes, so that
     * every unzip tool and {@code sha256sum -c} read it alike (the original name is in the manifest).
     */
    static String attachmentEntry(int number, String fileName) {
        String folded = AccentFolding.stripDiacritics(fileName).replaceAll("[^A-Za-z0-9._-]+", "-")
                .replaceAll("^[.-]+", "");
        if (folded.length() > 100) {
            int dot = folded.lastIndexOf('.');
            String extension = dot > 0 && folded.length() - dot <= 6 ? folded.substring(dot) : "";
            folded = folded.substring(0, 100 - extension.length()) + extension;
        }
        return String.format("attachments/%04d-%s", number, folded.isEmpty() ? "tep" : folded);
    }

    /** A verification note as a document of the package: UTF-8 JSON, fixed field order. */
    private byte[] noteDocument(long caseId, Cases.Note note, String authorName) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("format", NOTE_FORMAT);
        document.put("caseId", caseId);
        document.put("noteId", note.id());
        document.put("at", note.at().toString());
        document.put("atVietnam", LocalTime.formatWithSeconds(note.at()));
        document.put("author", note.author());
        document.put("authorName", authorName);
        document.put("checked", note.checked());
        document.put("checkedWith", note.checkedWith());
        document.put("links", note.links());
        return json.writeValueAsBytes(document);
    }

    private static void put(ZipOutputStream zip, LocalDateTime made, String name, byte[] content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(made);
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }

    private String vi(String key) {
        return messages.getMessage(key, null, key, Languages.VIETNAMESE);
    }

    /** Where a citizen who reported the case saw the information; the citizen's contact stays out of the package. */
    private record ReportedLink(String link, Instant receivedAt) {
    }

    private List<ReportedLink> reportedLinks(long caseId) {
        return jdbc.sql("SELECT link, received_at FROM citizen_report WHERE case_id = ? AND link IS NOT NULL ORDER BY id")
                .param(caseId).query((rs, n) -> new ReportedLink(rs.getString(1), rs.getTimestamp(2).toInstant())).list();
    }

    private String summary(Case c, List<ReportedLink> reported, List<Item> items, List<Map<String, Object>> listed,
            List<Cases.Attachment> attachments, List<Map<String, Object>> listedAttachments, List<Cases.Note> notes,
            List<Map<String, Object>> listedNotes, String manifestSha, Function<String, String> people, String by,
            Instant now) {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="vi"><head><meta charset="UTF-8"><title>Hồ sơ chứng cứ</title>
                <style>body{font-family:'Times New Roman',serif;font-size:13pt;margin:2cm}table{border-collapse:collapse;width:100%}
                td,th{border:1px solid #000;padding:4px;vertical-align:top;font-size:11pt}code{font-size:9pt;word-break:break-all}</style>
                </head><body>
                """);
        html.append("<h1>HỒ SƠ CHỨNG CỨ VỤ VIỆC SỐ ").append(c.id()).append("</h1>\n");
        html.append("<p><b>Nội dung thông tin:</b> ").append(esc(c.claim())).append("</p>\n");
        // the police and a court read this page: every value in Vietnamese words, never Loa's codes
        html.append("<p><b>Phân loại:</b> ").append(esc(vi("case.category." + c.category().name())))
                .append(" · <b>Mức độ:</b> ").append(esc(vi("case.severity." + c.severity().name())))
                .append(" · <b>Trạng thái:</b> ").append(esc(vi("case.status." + c.status().name()))).append("</p>\n");
        html.append("<p><b>Cơ quan chủ trì:</b> ").append(c.agencyCode() == null ? "<i>(chưa giao cơ quan nào)</i>"
                : esc(agencyNames.name(c.agencyCode(), LocalDate.ofInstant(now, LocalTime.ZONE), Languages.VIETNAMESE))).append("</p>\n");
        html.append("<p><b>Căn cứ pháp lý đề nghị xử lý:</b> ")
                .append(c.legalBasis() == null ? "<i>(chưa chuyển cơ quan công an)</i>" : esc(c.legalBasis())).append("</p>\n");
        if (!reported.isEmpty()) {
            html.append("<p><b>Nơi người dân phản ánh đã thấy thông tin:</b></p>\n<ul>\n");
            for (ReportedLink r : reported) {
                html.append("<li><code>").append(esc(r.link())).append("</code> (phản ánh nhận lúc ")
                        .append(LocalTime.formatWithSeconds(r.receivedAt())).append(")</li>\n");
            }
            html.append("</ul>\n");
        }
        html.append("<p><b>Lập lúc:</b> ").append(LocalTime.formatWithSeconds(now)).append(" (giờ Việt Nam) · <b>Người lập:</b> ")
                .append(esc(people.apply(by))).append("</p>\n");
        html.append("<h2>Danh mục chứng cứ</h2>\n<h3>Bài viết (").append(items.size()).append(")</h3>\n");
        if (items.isEmpty()) {
            html.append("<p><i>Không có.</i></p>\n");
        } else {
            html.append("<table><tr><th>STT</th><th>Tệp</th><th>Bài viết</th><th>Thu thập lúc</th><th>Người thu thập</th>")
                    .append("<th>SHA-256</th></tr>\n");
            for (int i = 0; i < listed.size(); i++) {
                Item item = items.get(i);
                html.append("<tr><td>").append(i + 1).append("</td><td>").append(esc((String) listed.get(i).get("file")))
                        .append("</td><td>").append(item.postId()).append("</td><td>")
                        .append(LocalTime.formatWithSeconds(item.capturedAt())).append("</td><td>").append(esc(people.apply(item.capturedBy())))
                        .append("</td><td><code>").append(item.sha256()).append("</code></td></tr>\n");
            }
            html.append("</table>\n");
        }
        html.append("<h3>Tệp đính kèm (").append(attachments.size()).append(")</h3>\n");
        if (attachments.isEmpty()) {
            html.append("<p><i>Không có.</i></p>\n");
        } else {
            java.text.NumberFormat bytes = java.text.NumberFormat.getIntegerInstance(Languages.VIETNAMESE);
            html.append("<table><tr><th>STT</th><th>Tệp trong hồ sơ</th><th>Tên tệp khi đính kèm</th><th>Dung lượng</th>")
                    .append("<th>Đính kèm lúc</th><th>Người đính kèm</th><th>SHA-256</th></tr>\n");
            for (int i = 0; i < attachments.size(); i++) {
                Cases.Attachment attachment = attachments.get(i);
                html.append("<tr><td>").append(i + 1).append("</td><td>")
                        .append(esc((String) listedAttachments.get(i).get("file"))).append("</td><td>")
                        .append(esc(attachment.fileName())).append("</td><td>").append(bytes.format(attachment.size()))
                        .append(" byte</td><td>").append(LocalTime.formatWithSeconds(attachment.uploadedAt())).append("</td><td>")
                        .append(esc(people.apply(attachment.uploadedBy()))).append("</td><td><code>").append(attachment.sha256())
                        .append("</code></td></tr>\n");
            }
            html.append("</table>\n");
        }
        html.append("<h3>Ghi chép xác minh (").append(notes.size()).append(")</h3>\n");
        if (notes.isEmpty()) {
            html.append("<p><i>Không có.</i></p>\n");
        } else {
            html.append("<table><tr><th>STT</th><th>Tệp</th><th>Ghi lúc</th><th>Người ghi</th><th>Nội dung</th>")
                    .append("<th>SHA-256</th></tr>\n");
            for (int i = 0; i < notes.size(); i++) {
                Cases.Note note = notes.get(i);
                html.append("<tr><td>").append(i + 1).append("</td><td>").append(esc((String) listedNotes.get(i).get("file")))
                        .append("</td><td>").append(LocalTime.formatWithSeconds(note.at())).append("</td><td>")
                        .append(esc(people.apply(note.author()))).append("</td><td><b>Đã kiểm tra:</b> ").append(esc(note.checked()));
                if (note.checkedWith() != null) {
                    html.append("<br><b>Làm việc với:</b> ").append(esc(note.checkedWith()));
                }
                for (String link : note.links()) {
                    html.append("<br><b>Nguồn:</b> <code>").append(esc(link)).append("</code>");
                }
                html.append("</td><td><code>").append(listedNotes.get(i).get("sha256")).append("</code></td></tr>\n");
            }
            html.append("</table>\n");
        }
        html.append("<h2>Cách kiểm tra</h2>\n<p>Mã SHA-256 của tệp <code>manifest.json</code>: <code>")
                .append(manifestSha).append("</code>. Trên máy có lệnh <code>sha256sum</code>, giải nén gói và chạy ")
                .append("<code>sha256sum -c SHA256SUMS</code>: mọi dòng phải là OK. Hoặc dùng lệnh ")
                .append("<code>bin/loa evidence verify TỆP.zip</code> của Loa, lệnh này còn đối chiếu với mã băm mà Loa ")
                .append("đã ghi khi thu thập bài viết và khi đính kèm tệp.</p>\n</body></html>\n");
        return html.toString();
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    @Override
    public Verification verify(InputStream input) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(input, StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (entry.isDirectory()) {
                    continue;
                }
                if (entries.size() >= MAX_ENTRIES) {
                    throw new InvalidInput("file", "evidence.error.not-a-package");
                }
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                byte[] buffer = new byte[65536];
                int n;
                while ((n = zip.read(buffer)) > 0) {
                    total += n;
                    if (total > MAX_PACKAGE_BYTES) {
                        throw new InvalidInput("file", "evidence.error.too-large");
                    }
                    bytes.write(buffer, 0, n);
                }
                entries.put(entry.getName(), bytes.toByteArray());
            }
        } catch (java.util.zip.ZipException e) {
            throw new InvalidInput("file", "evidence.error.not-a-package");
        }
        byte[] manifestBytes = entries.get("manifest.json");
        if (manifestBytes == null) {
            throw new InvalidInput("file", "evidence.error.not-a-package");
        }
        JsonNode manifest;
        try {
            manifest = json.readTree(manifestBytes);
        } catch (JacksonException e) {
            throw new InvalidInput("file", "evidence.error.not-a-package");
        }
        if (!PACKAGE_FORMATS.contains(manifest.path("format").asString(""))) {
            throw new InvalidInput("file", "evidence.error.not-a-package");
        }
        // each problem in Vietnamese, the file first: the page, the API and `bin/loa evidence verify` show them to
        // the officer and the police as they are
        List<String> problems = new ArrayList<>();
        String manifestSha = JdbcCases.sha256(manifestBytes);
        long caseId = manifest.path("case").path("id").asLong(0);
        boolean known = jdbc.sql("SELECT count(*) FROM evidence_package WHERE case_id = ? AND manifest_sha256 = ?")
                .params(caseId, manifestSha).query(Long.class).single() > 0;
        if (!known) {
            problems.add("manifest.json: mã SHA-256 " + manifestSha + " không phải của bản kê nào Loa đã lập cho vụ việc số " + caseId);
        }
        java.util.Set<String> listedFiles = new java.util.HashSet<>();
        int items = 0;
        for (JsonNode item : manifest.path("items")) {
            items++;
            String file = item.path("file").asString("");
            listedFiles.add(file);
            String actual = checkListed(file, item, entries, problems);
            if (actual == null) {
                continue;
            }
            Optional<String> recorded = jdbc.sql("SELECT sha256 FROM evidence_item WHERE id = ? AND case_id = ?")
                    .params(item.path("itemId").asLong(0), caseId).query(String.class).optional();
            if (recorded.isEmpty()) {
                problems.add(file + ": Loa không có mục chứng cứ này của vụ việc số " + caseId);
            } else if (!recorded.get().equals(actual)) {
                problems.add(file + ": mã SHA-256 là " + actual + ", lúc thu thập Loa đã ghi " + recorded.get());
            }
        }
        int attachments = 0;
        for (JsonNode attachment : manifest.path("attachments")) {
            attachments++;
            String file = attachment.path("file").asString("");
            listedFiles.add(file);
            String actual = checkListed(file, attachment, entries, problems);
            if (actual == null) {
                continue;
            }
            Optional<String> recorded = jdbc.sql("SELECT sha256 FROM case_attachment WHERE id = ? AND case_id = ?")
                    .params(attachment.path("attachmentId").asLong(0), caseId).query(String.class).optional();
            if (recorded.isEmpty()) {
                problems.add(file + ": Loa không có tệp đính kèm này của vụ việc số " + caseId);
            } else if (!recorded.get().equals(actual)) {
                problems.add(file + ": mã SHA-256 là " + actual + ", lúc đính kèm Loa đã ghi " + recorded.get());
            }
        }
        int notes = 0;
        for (JsonNode note : manifest.path("notes")) {
            notes++;
            String file = note.path("file").asString("");
            listedFiles.add(file);
            // a note has no hash of its own in Loa: its document is checked against the manifest, whose hash Loa recorded
            if (checkListed(file, note, entries, problems) != null
                    && jdbc.sql("SELECT count(*) FROM case_note WHERE id = ? AND case_id = ?")
                            .params(note.path("noteId").asLong(0), caseId).query(Long.class).single() == 0) {
                problems.add(file + ": Loa không có ghi chép xác minh này của vụ việc số " + caseId);
            }
        }
        // (files an archiver adds on its own, such as __MACOSX/, are not Loa's and are not counted against the package)
        for (String name : entries.keySet()) {
            if ((name.startsWith("items/") || name.startsWith("attachments/") || name.startsWith("notes/"))
                    && !listedFiles.contains(name)) {
                problems.add(name + ": không có trong bản kê");
            }
        }
        byte[] sums = entries.get("SHA256SUMS");
        if (sums == null) {
            problems.add("SHA256SUMS: không có trong gói");
        } else {
            for (String line : new String(sums, StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                int space = line.indexOf("  ");
                String file = space < 0 ? "" : line.substring(space + 2);
                byte[] content = entries.get(file);
                if (space < 0 || content == null) {
                    problems.add("SHA256SUMS: nêu một tệp không có trong gói: " + line);
                } else if (!JdbcCases.sha256(content).equals(line.substring(0, space))) {
                    problems.add(file + ": không khớp với dòng của tệp trong SHA256SUMS");
                }
            }
        }
        return new Verification(problems.isEmpty(), caseId, items, attachments, notes, problems, manifestSha);
    }

    /**
     * Checks one file the manifest lists against the SHA-256 it gives; returns the file's actual SHA-256, or null when
     * the file is not in the package.
     */
    private static String checkListed(String file, JsonNode listed, Map<String, byte[]> entries, List<String> problems) {
        byte[] content = entries.get(file);
        if (content == null) {
            problems.add(file + ": không có trong gói");
            return null;
        }
        String expected = listed.path("sha256").asString("");
        String actual = JdbcCases.sha256(content);
        if (!actual.equals(expected)) {
            problems.add(file + ": mã SHA-256 là " + actual + ", bản kê ghi " + expected);
        }
        return actual;
    }
}
