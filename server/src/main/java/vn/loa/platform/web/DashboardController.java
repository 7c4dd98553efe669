package vn.loa.platform.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import vn.loa.platform.NavigationItem;

import java.util.Set;

@Controller
class DashboardController {

    @GetMapping("/")
    String dashboard() {
        return "dashboard";
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavigationItem dashboardNavigation() {
            return new NavigationItem("nav.dashboard", "/", 0, Set.of());
        }
    }
}
