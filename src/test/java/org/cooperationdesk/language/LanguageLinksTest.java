package org.cooperationdesk.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The language switch leads to the same page, its other parameters kept, the page's language marked. */
class LanguageLinksTest {

    @AfterEach
    void forgetTheRequest() {
        RequestContextHolder.resetRequestAttributes();
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void shouldKeepThePagesParametersAndReplaceLang() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/desk/dispatches");
        request.setQueryString("status=DEPLOYED&lang=en&q=a%20b&lang=ja&page=2");

        assertThat(LanguageLinks.href(request, Language.JA)).isEqualTo("/desk/dispatches?status=DEPLOYED&q=a%20b&page=2&lang=ja");
        assertThat(LanguageLinks.href(new MockHttpServletRequest("GET", "/desk"), Language.EN)).isEqualTo("/desk?lang=en");
    }

    @Test
    void shouldLinkAnErrorPageToTheAddressThatFailed() {
        MockHttpServletRequest error = new MockHttpServletRequest("GET", "/error");
        error.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/desk/no-such-page");
        error.setAttribute(LanguageLinks.ERROR_QUERY_STRING, "q=x&lang=en");

        assertThat(LanguageLinks.href(error, Language.JA)).isEqualTo("/desk/no-such-page?q=x&lang=ja");
    }

    @Test
    void shouldNeverLeadToAnotherHost() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "//elsewhere.example/desk");

        assertThat(LanguageLinks.href(request, Language.EN)).isEqualTo("/elsewhere.example/desk?lang=en");
    }

    @Test
    void shouldOfferJapaneseThenEnglishEachInItselfMarkingThePagesLanguage() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest("GET", "/login")));
        LocaleContextHolder.setLocale(Locale.JAPANESE);

        assertThat(new LanguageLinks().links()).containsExactly(
                new LanguageLinks.Link("ja", "日本語", "/login?lang=ja", true),
                new LanguageLinks.Link("en", "English", "/login?lang=en", false));
    }
}
