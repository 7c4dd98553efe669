package vn.loa.listening.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * How the trends page's forecast is made ({@code /trends/method}), in the reader's language: the page
 * behind the one sentence under the forecast chart. It shows no data, so every signed-in user may read it.
 */
@Controller
@ConditionalOnWebApplication
class ForecastMethodController {

    @GetMapping("/trends/method")
    String method() {
        return "listening/forecast-method";
    }
}
