package org.cooperationdesk.desk;

/**
 * One count on the desk's home page ("12 requests open"), its message key (i18n/desk, the count as {0}), the list it
 * links to (filtered to what it counts), and its place among the others (lower first).
 */
public record HomeFigure(int place, String messageKey, long count, String link) {
}
