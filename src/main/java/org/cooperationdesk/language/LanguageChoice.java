package org.cooperationdesk.language;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A signed-in member of staff who switches language on the office's pages ({@code ?lang=ja}) has chosen the language
 * of their mails too: the choice is kept for them ({@link StaffLanguages}), beside the cookie that keeps it for the
 * browser ({@link LanguageFilter}).
 */
@Configuration(proxyBeanMethods = false)
class LanguageChoice implements WebMvcConfigurer {

    private final StaffLanguages staffLanguages;

    LanguageChoice(StaffLanguages staffLanguages) {
        this.staffLanguages = staffLanguages;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                // The signed-in user as the login knows them (the engine's user id).
                if (request.getAttribute(LanguageFilter.CHOSEN) instanceof Language chosen && request.getRemoteUser() != null) {
                    staffLanguages.choose(request.getRemoteUser(), chosen);
                }
                return true;
            }
        });
    }
}
