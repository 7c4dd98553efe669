package vn.loa.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import vn.loa.shared.NotFound;

/** A page asked for a record that does not exist: the shell's 404 page, not a stack trace. */
@ControllerAdvice(annotations = Controller.class)
class PageErrors {

    @ExceptionHandler(NotFound.class)
    String notFound(HttpServletResponse response, Model model) {
        response.setStatus(404);
        model.addAttribute("status", 404);
        return "error";
    }
}
