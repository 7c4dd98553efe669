package vn.loa.listening.web;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.loa.identity.Role;
import vn.loa.identity.SignedInPrincipal;
import vn.loa.identity.SignedInUser;
import vn.loa.listening.ImportSummary;
import vn.loa.listening.PostImporter;
import vn.loa.shared.InvalidInput;

/**
 * {@code POST /api/v1/posts/import}: a JSONL or CSV file as the multipart field {@code file};
 * answers the summary. For administrators, coordinators and API tokens.
 */
@RestController
@RequestMapping("/api/v1/posts")
class PostImportApiController {

    private final PostImporter importer;

    PostImportApiController(PostImporter importer) {
        this.importer = importer;
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImportSummary importFile(@RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
        SignedInUser user = SignedInPrincipal.current().orElseThrow(() -> new AccessDeniedException("not signed in"));
        if (!user.apiClient() && !user.has(Role.ADMIN) && !user.has(Role.COORDINATOR)) {
            throw new AccessDeniedException("importing posts is for administrators, coordinators and API tokens");
        }
        if (file == null || file.isEmpty()) {
            throw new InvalidInput("file", "listening.import.no-file");
        }
        try (InputStream in = file.getInputStream()) {
            return importer.importFile(file.getOriginalFilename(), in, user.actor(), user.agency(), user.apiClient());
        }
    }
}
