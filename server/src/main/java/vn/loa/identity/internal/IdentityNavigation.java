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

    @Bean
    NavigationItem communesNavigation() {
        return new NavigationItem("nav.communes", "/admin/communes", 915, Set.of("ADMIN"));
    }

    @Bean
    NavigationItem tokensNavigation() {
        return new NavigationItem("nav.tokens", "/admin/tokens", 920, Set.of("ADMIN"));
    }
}
