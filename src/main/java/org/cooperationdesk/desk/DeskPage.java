package org.cooperationdesk.desk;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.stereotype.Controller;

/**
 * A controller of the office's pages under {@code /desk}: its errors become pages ({@link DeskErrors}), never the
 * API's JSON problem details, whichever room the controller lives in.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Controller
public @interface DeskPage {
}
