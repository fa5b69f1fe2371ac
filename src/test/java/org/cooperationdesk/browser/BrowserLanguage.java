package org.cooperationdesk.browser;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The language of the user whose browser a test class drives ({@code @BrowserLanguage("ja")}): the browser asks for
 * it (Accept-Language, {@code navigator.languages}, {@code Intl}), as a browser set up in that language does. A class
 * without it drives an English (en-US) browser. See {@link Browser#start(java.util.Locale)}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@interface BrowserLanguage {

    /** A BCP 47 language tag: "ja", "en-US". */
    String value();
}
