package vn.loa.platform.internal;

import java.time.Clock;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import vn.loa.platform.DatabaseMode;

@Configuration(proxyBeanMethods = false)
@org.springframework.scheduling.annotation.EnableScheduling
class PlatformConfiguration implements WebMvcConfigurer {

    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    DatabaseMode databaseMode(@Value("${loa.database.embedded:false}") boolean embedded) {
        return new DatabaseMode(embedded);
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("loa-lang");
        resolver.setDefaultLocale(VIETNAMESE);
        resolver.setCookieHttpOnly(true);
        resolver.setCookieMaxAge(java.time.Duration.ofDays(365));
        return resolver;
    }

    /**
     * Links are written as they are, not rewritten through the static-resource chain: the chain (on because of the
     * web-jar locator, which still serves {@code /webjars/htmx.org/dist/htmx.min.js} without a version) looked every
     * link of every page up among the jar's static files, most of a page's CPU with nothing to rewrite.
     */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
                new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }
}
