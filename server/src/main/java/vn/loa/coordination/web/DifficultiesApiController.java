package vn.loa.coordination.web;

import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.loa.coordination.Difficulties;
import vn.loa.coordination.Difficulty;
import vn.loa.platform.Pager;
import vn.loa.shared.Page;
import vn.loa.shared.PageRequest;

/**
 * The difficulties and proposals API: GET (an officer sees their agency's and those forwarded to it; {@code status}),
 * POST (JSON or multipart with {@code attachments}), GET {id}, POST {id}/answer ({@code answer}), {id}/forward
 * ({@code agencyCode}, {@code note}), {id}/close.
 */
@RestController
@RequestMapping("/api/v1/difficulties")
@ConditionalOnWebApplication
class DifficultiesApiController {

    private final Difficulties difficulties;

    DifficultiesApiController(Difficulties difficulties) {
        this.difficulties = difficulties;
    }

    record PostedDifficulty(String kind, String title, String body, Long taskId, Long directiveId) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "DifficultyAnswer")
    record PostedAnswer(String answer) {
    }

    record PostedForward(String agencyCode, String note) {
    }

    @GetMapping
    ResponseEntity<List<Difficulty>> list(@RequestParam(required = false) String status,
            @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        Page<Difficulty> list = difficulties.list(status, PageRequest.parse(page, size), CoordinationForms.user());
        return ResponseEntity.ok().headers(Pager.apiHeaders("/api/v1/difficulties",
                status == null ? Map.of() : Map.of("status", status), list)).body(list.items());
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Difficulty submit(@RequestBody PostedDifficulty d) {
        return difficulties.submit(new Difficulties.NewDifficulty(d.kind(), d.title(), d.body(), d.taskId(),
                d.directiveId(), List.of()), CoordinationForms.user());
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Difficulty submitWithFiles(@RequestParam(required = false) String kind, @RequestParam(required = false) String title,
            @RequestParam(required = false) String body, @RequestParam(required = false) Long taskId,
            @RequestParam(required = false) Long directiveId,
            @RequestParam(name = "attachments", required = false) List<MultipartFile> attachments) {
        return difficulties.submit(new Difficulties.NewDifficulty(kind, title, body, taskId, directiveId,
                CoordinationForms.attachments(attachments)), CoordinationForms.user());
    }

    @GetMapping("/{id:\\d+}")
    Difficulty get(@PathVariable long id) {
        return difficulties.get(id, CoordinationForms.user());
    }

    @PostMapping("/{id:\\d+}/answer")
    Difficulty answer(@PathVariable long id, @RequestBody PostedAnswer a) {
        return difficulties.answer(id, a.answer(), CoordinationForms.user());
    }

    @PostMapping("/{id:\\d+}/forward")
    Difficulty forward(@PathVariable long id, @RequestBody PostedForward f) {
        return difficulties.forward(id, f.agencyCode(), f.note(), CoordinationForms.user());
    }

    @PostMapping("/{id:\\d+}/close")
    Difficulty close(@PathVariable long id) {
        return difficulties.close(id, CoordinationForms.user());
    }
}
