package org.cooperationdesk.benchmark;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one kind of user action cost, request by request: the client's time, the server's own time and the SQL
 * statements run on the request's thread (both from {@link ServerCostFilter}'s headers). The polls of a waiting
 * client are actions of their own, so that the user's requests and the waiting are reported apart.
 */
final class ActionStats {

    enum Action {
        SIGN_IN("sign in (login page, POST /login, GET /api/session)", false),
        START("start", false),
        OPEN_RECORD("open a record page", false),
        SUBMIT("submit a form", false),
        READ_VARIABLE("read a form's variable", false),
        LIST_FILTER("list a filter", false),
        POLL_TASKS("poll: GET task?processInstanceId&taskDefinitionKey", true),
        POLL_HISTORY("poll: GET history process-instance", true),
        OTHER("other", false);

        final String title;
        final boolean poll;

        Action(String title, boolean poll) {
            this.title = title;
            this.poll = poll;
        }

        /** The action a request label names (the labels of {@link TasklistSteps} and the lifecycles). */
        static Action of(String label) {
            if (label.startsWith("sign in")) {
                return SIGN_IN;
            }
            if (label.startsWith("start") || label.startsWith("POST /api/")) {
                return START;
            }
            if (label.startsWith("open record")) {
                return OPEN_RECORD;
            }
            if (label.startsWith("POST task submit-form")) {
                return SUBMIT;
            }
            if (label.startsWith("GET task variable")) {
                return READ_VARIABLE;
            }
            if (label.startsWith("list filter")) {
                return LIST_FILTER;
            }
            if (label.startsWith("GET /engine-rest/task (poll)")) {
                return POLL_TASKS;
            }
            if (label.startsWith("GET history process-instance (poll)")) {
                return POLL_HISTORY;
            }
            return OTHER;
        }
    }

    final Latencies client;
    final Latencies server;
    private final LongAdder statements = new LongAdder();
    private final LongAdder measured = new LongAdder();

    ActionStats(Action action) {
        client = new Latencies(action.title);
        server = new Latencies(action.title + " (server)");
    }

    void add(long clientNanos, Double serverMillis, Long sqlStatements) {
        client.add(clientNanos);
        if (serverMillis != null && sqlStatements != null) {
            server.add((long) (serverMillis * 1e6));
            statements.add(sqlStatements);
            measured.increment();
        }
    }

    int count() {
        return client.count();
    }

    /** Mean SQL statements per request, over the requests that carried the server's figures. */
    double statementsPerRequest() {
        return measured.sum() == 0 ? Double.NaN : statements.sum() / (double) measured.sum();
    }

    long statements() {
        return statements.sum();
    }

    static Map<Action, ActionStats> newMap() {
        return new ConcurrentHashMap<>();
    }
}
