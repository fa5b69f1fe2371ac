package org.cooperationdesk.desk;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A list page as its template reads it: the page of rows, the order, and the links to another page or another order
 * that keep the reader's search and filters ({@code ${list.pageLink(2)}}, {@code ${list.sortLink('start')}}).
 */
public final class ListView<T> {

    private final ResultPage<T> page;
    private final SortOrder order;
    private final String path;
    private final MultiValueMap<String, String> parameters;

    private ListView(ResultPage<T> page, SortOrder order, String path, MultiValueMap<String, String> parameters) {
        this.page = page;
        this.order = order;
        this.path = path;
        this.parameters = parameters;
    }

    public static <T> ListView<T> of(ResultPage<T> page, SortOrder order, HttpServletRequest request) {
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            List<String> values = Arrays.stream(parameter.getValue()).filter(value -> !value.isBlank()).toList();
            if (!values.isEmpty()) {
                parameters.put(parameter.getKey(), values);
            }
        }
        return new ListView<>(page, order, request.getRequestURI(), parameters);
    }

    public ResultPage<T> getPage() {
        return page;
    }

    public List<T> getRows() {
        return page.rows();
    }

    public SortOrder getOrder() {
        return order;
    }

    public String pageLink(int number) {
        return builder().replaceQueryParam("page", number).build().encode().toUriString();
    }

    /** The same list sorted by the column: ascending first, the other direction when it is already sorted by it. */
    public String sortLink(String key) {
        boolean descending = key.equals(order.key()) && !order.descending();
        return builder().replaceQueryParam("sort", key).replaceQueryParam("dir", descending ? "desc" : "asc")
                .replaceQueryParam("page").build().encode().toUriString();
    }

    /** For aria-sort: "ascending", "descending", or "none" for a column the list is not sorted by. */
    public String sortState(String key) {
        return !key.equals(order.key()) ? "none" : order.descending() ? "descending" : "ascending";
    }

    /** Whether the reader has set a search or filter (the page offers to clear them); show picks a list, no filter. */
    public boolean isFiltered() {
        return parameters.keySet().stream().anyMatch(name -> !List.of("sort", "dir", "page", "show").contains(name));
    }

    private UriComponentsBuilder builder() {
        return UriComponentsBuilder.fromPath(path).queryParams(new LinkedMultiValueMap<>(parameters));
    }
}
