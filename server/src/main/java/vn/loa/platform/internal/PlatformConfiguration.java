package vn.loa.platform.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Locale;
import java.util.TimeZone;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import vn.loa.platform.CliText;
import vn.loa.platform.DatabaseMode;
import vn.loa.shared.Languages;

@Configuration(proxyBeanMethods = false)
@org.springframework.scheduling.annotation.EnableScheduling
class PlatformConfiguration implements WebMvcConfigurer {

    @Bean
    Clock clock() {
        return new ApplicationClock(Clock.systemUTC());
    }

    @Bean
    DatabaseMode databaseMode(@Value("${loa.database.embedded:false}") boolean embedded) {
        return new DatabaseMode(embedded);
    }

    /** What the command line says, in the language its environment asks for (the launcher checked the value). */
    @Bean
    CliText cliText(MessageSource messages) {
        return new CliText(messages, CliText.locale(System.getenv()));
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new LanguageResolver();
        resolver.setDefaultLocale(Languages.VIETNAMESE);
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
        // a page form sent twice is handled once (OnceForms)
        registry.addInterceptor(new OnceForms.Guard());
    }

    /** Every page form that posts carries a one-time field beside its CSRF token (OnceForms). */
    @Bean
    static org.springframework.beans.factory.config.BeanPostProcessor onceFormsFieldAdder() {
        return new OnceForms.FieldAdder();
    }

    /**
     * The page's language from the {@code loa-lang} cookie, Vietnamese or English only: a cookie or {@code ?lang=} naming
     * any other language (or none Loa knows) gives Vietnamese, so that a page never mixes Vietnamese text with another
     * language's dates and numbers.
     */
    static final class LanguageResolver extends CookieLocaleResolver {

        LanguageResolver() {
            super("loa-lang");
        }

        @Override
        public Locale resolveLocale(HttpServletRequest request) {
            return supported(super.resolveLocale(request));
        }

        @Override
        public LocaleContext resolveLocaleContext(HttpServletRequest request) {
            LocaleContext context = super.resolveLocaleContext(request);
            return new TimeZoneAwareLocaleContext() {
                @Override
                public Locale getLocale() {
                    return supported(context.getLocale());
                }

                @Override
                public TimeZone getTimeZone() {
                    return context instanceof TimeZoneAwareLocaleContext zoned ? zoned.getTimeZone() : null;
                }
            };
        }

        static Locale supported(Locale locale) {
            return Languages.of(locale);
        }
    }
}
