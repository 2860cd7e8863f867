package com.careloop.feedback;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import com.careloop.errors.InvalidRequestException;
import com.careloop.identity.ApiAccess;
import com.careloop.identity.ApiUser;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Photos and documents of a feedback item ({@link FeedbackAttachments}):
 * {@code POST /api/feedback/{number}/attachments} (multipart, field {@code file}, one file) → 201 with what was stored;
 * {@code GET /api/feedback/{number}/attachments} → the list; {@code GET …/attachments/{id}} → the file. A wrong or
 * mismatching type is a 400, a file over 10 MB a 413, a sixth file a 409; nothing is written on any refusal.
 */
@RestController
@RequestMapping("/api/feedback/{number}/attachments")
class FeedbackAttachmentController {

    private final FeedbackAttachments attachments;
    private final ApiAccess access;

    FeedbackAttachmentController(FeedbackAttachments attachments, ApiAccess access) {
        this.attachments = attachments;
        this.access = access;
    }

    @ApiResponse(responseCode = "201", description = "已上传 Uploaded")
    @ApiResponse(responseCode = "409", description = "反馈已关闭或附件已满 The item is closed, or has its maximum of attachments")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<FeedbackAttachments.Attachment> add(@PathVariable String number,
                                                       @RequestParam(name = "file", required = false) MultipartFile file) throws IOException {
        ApiUser user = access.requireAny(ApiAccess.READ);
        if (file == null) {
            throw new InvalidRequestException("file", "必须上传一个文件（multipart 字段 file） one file is required (multipart field file)");
        }
        // over the limit: refused before its bytes are read into memory (the check in add() answers with the same 413)
        byte[] bytes = file.getSize() > FeedbackAttachments.MAX_BYTES ? new byte[0] : file.getBytes();
        FeedbackAttachments.Attachment a = attachments.add(number, file.getOriginalFilename(), file.getContentType(), bytes,
                file.getSize(), user);
        return ResponseEntity.created(URI.create("/api/feedback/" + number + "/attachments/" + a.id())).body(a);
    }

    @GetMapping
    List<FeedbackAttachments.Attachment> list(@PathVariable String number) {
        access.requireAny(ApiAccess.READ);
        return attachments.list(number);
    }

    @ApiResponse(responseCode = "200", description = "附件内容（上传时的类型）The attachment's bytes, with the content type it was uploaded with",
            content = @Content(mediaType = "application/octet-stream", schema = @Schema(type = "string", format = "binary")))
    @GetMapping("/{id}")
    ResponseEntity<byte[]> content(@PathVariable String number, @PathVariable long id) {
        access.requireAny(ApiAccess.READ);
        FeedbackAttachments.Content c = attachments.content(number, id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(c.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(c.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(c.bytes());
    }
}
