package cn.minzheng.bureau.web;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A filter of a user's POST to {@code task/{id}/<action>} of either engine API, for the actions it names. A request
 * nobody is logged in for goes on to the engine, which refuses it.
 */
abstract class TaskActionFilter extends OncePerRequestFilter {

    private final Pattern path;
    private final WebUsers users;

    /** @param actions the path's last segment, as a regular expression ({@code claim|unclaim}) */
    TaskActionFilter(String actions, WebUsers users) {
        this.path = Pattern.compile("/task/([^/]+)/(" + actions + ")$");
        this.users = users;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !path.matcher(request.getRequestURI()).find();
    }

    @Override
    protected final void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher task = path.matcher(request.getRequestURI());
        task.find();
        Optional<WebUsers.WebUser> user = users.of(request);
        if (user.isEmpty()) {
            chain.doFilter(request, response);
        } else {
            filter(task.group(1), task.group(2), user.get(), request, response, chain);
        }
    }

    /** Answers the request, or passes it on to the engine. */
    abstract void filter(String taskId, String action, WebUsers.WebUser user, HttpServletRequest request,
                         HttpServletResponse response, FilterChain chain) throws ServletException, IOException;
}
