package cn.minzheng.bureau.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;

/**
 * A request of the engine REST API or the webapps' engine API that starts a process by its definition: {@code start}
 * or {@code submit-form} of {@code process-definition/key/{key}} (the latest version, tenant or not) or of
 * {@code process-definition/{id}}.
 */
record ProcessStartRequest(String key, String id) {

    private static final Pattern START = Pattern.compile(
            "/process-definition/(?:key/([^/]+)(?:/tenant-id/[^/]+)?|([^/]+))/(?:start|submit-form)$");

    /** The start this URI asks for, or empty for any other URI. */
    static Optional<ProcessStartRequest> of(String requestUri) {
        Matcher start = START.matcher(requestUri);
        if (!start.find()) {
            return Optional.empty();
        }
        return Optional.of(new ProcessStartRequest(decoded(start.group(1)), decoded(start.group(2))));
    }

    /** The definition started, as the user asking may see it (empty if none). */
    Optional<ProcessDefinition> definition(RepositoryService repositoryService) {
        var query = repositoryService.createProcessDefinitionQuery();
        return Optional.ofNullable(key != null ? query.processDefinitionKey(key).latestVersion().singleResult()
                : query.processDefinitionId(id).singleResult());
    }

    /** The key or id as the request names the process, for the log. */
    String named() {
        return key != null ? key : id;
    }

    private static String decoded(String pathSegment) {
        return pathSegment == null ? null : URLDecoder.decode(pathSegment, StandardCharsets.UTF_8);
    }
}
