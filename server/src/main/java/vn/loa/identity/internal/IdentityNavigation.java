package vn.loa.identity.internal;

import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.loa.platform.NavigationItem;

@Configuration(proxyBeanMethods = false)
class IdentityNavigation {

    @Bean
    NavigationItem usersNavigation() {
        return new NavigationItem("nav.users", "/admin/users", 900, Set.of("ADMIN"));
    }

    @Bean
    NavigationItem agenciesNavigation() {
        return new NavigationItem("nav.agencies", "/admin/agencies", 910, Set.of("ADMIN"));
    }

    /** An agency's head keeps who signs its documents; an administrator does it from each agency's page. */
    @Bean
    NavigationItem signersNavigation() {
        return new NavigationItem("nav.signers", "/signers", 912, Set.of("SPOKESPERSON"));
    }

    @Bean
    NavigationItem communesNavigation() {
        return new NavigationItem("nav.communes", "/admin/communes", 915, Set.of("ADMIN"));
    }

    @Bean
    NavigationItem tokensNavigation() {
        return new NavigationItem("nav.tokens", "/admin/tokens", 920, Set.of("ADMIN"));
    }
}
