package vn.loa.listening.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.loa.nlp.analyze.TextAnalyzer;

/** The language engine, loaded once (every model, about 100 MB of heap) and shared by the pipeline. */
@Configuration(proxyBeanMethods = false)
class ListeningConfiguration {

    @Bean
    TextAnalyzer textAnalyzer() {
        return TextAnalyzer.standard();
    }
}
