package vn.loa.consultation.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import vn.loa.consultation.ConsultationAnswers;

/** The public answers of a consultation, per article (groups, answer, reason), and the synthesis report once out. */
@Controller
@ConditionalOnWebApplication
@RequestMapping("/public/consultations")
class PublicConsultationAnswersController {

    private final ConsultationAnswers answers;

    PublicConsultationAnswersController(ConsultationAnswers answers) {
        this.answers = answers;
    }

    @GetMapping("/{id}/answers")
    String answers(@PathVariable long id, Model model) {
        ConsultationAnswers.PublicAnswers shown = answers.publicAnswers(id);
        model.addAttribute("c", shown);
        return "public/consultation-answers";
    }

    @GetMapping("/{id}/report.docx")
    ResponseEntity<byte[]> report(@PathVariable long id) {
        return ConsultationAnswersController.docx(answers.publicReport(id), id);
    }
}
