package cn.minzheng.bureau.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionRepository;

/**
 * Fills the township and village lists of a Camunda Form from the region table, for the user who opens
 * it. A select field declares what it lists with a custom property (Camunda Modeler: Custom properties):
 * <ul>
 * <li>{@code options = townships}: the current townships and street offices the user works in (all of
 * them for district roles); with only one, it is chosen already;</li>
 * <li>{@code options = communities}: the current villages and communities of the township chosen in the
 * field named by {@code township} (default {@code townshipCode}), following that choice;</li>
 * <li>{@code options = villages}: every current village and community of the user's townships, each named
 * with its township (for a checklist that spans townships, e.g. the villages a disaster struck).</li>
 * </ul>
 * The lists follow reorganisations without a form change, and a clerk is never offered another
 * township's villages. The server checks the area again on submission: this only spares the clerk a
 * refusal. Applies to start forms and task forms, through the engine REST API and the webapps' own.
 */
class RegionOptionsFormFilter extends JsonResponseRewriteFilter {

    private static final Pattern DEPLOYED_FORM = Pattern.compile("/(deployed-start-form|deployed-form)$");

    private final RegionRepository regions;
    private final WebUsers users;

    RegionOptionsFormFilter(RegionRepository regions, WebUsers users, ObjectMapper json) {
        super(DEPLOYED_FORM, json);
        this.regions = regions;
        this.users = users;
    }

    @Override
    protected Optional<JsonNode> rewrite(HttpServletRequest request, JsonNode form) {
        List<ObjectNode> fields = new ArrayList<>();
        collectRegionFields(form, fields);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Optional<WebUsers.WebUser> user = users.of(request);
        List<Region> townships = regions.townships().stream()
                .filter(t -> user.map(u -> u.maySee(t.code())).orElse(false)).toList();
        for (ObjectNode field : fields) {
            String options = field.path("properties").path("options").asText();
            if (options.equals("townships")) {
                fillTownships(field, townships);
            } else if (options.equals("villages")) {
                fillVillages(field, townships);
            } else {
                fillCommunities(field, townships, field.path("properties").path("township").asText("townshipCode"));
            }
        }
        return Optional.of(form);
    }

    private static void collectRegionFields(JsonNode node, List<ObjectNode> found) {
        for (JsonNode component : node.path("components")) {
            String options = component.path("properties").path("options").asText("");
            if (component.isObject() && List.of("townships", "communities", "villages").contains(options)) {
                found.add((ObjectNode) component);
            }
            collectRegionFields(component, found);
        }
    }

    private void fillTownships(ObjectNode field, List<Region> townships) {
        ArrayNode values = field.putArray("values");
        townships.forEach(t -> values.addObject().put("label", t.name()).put("value", t.code()));
        field.remove("valuesKey");
        field.remove("valuesExpression");
        if (townships.size() == 1) {
            field.put("defaultValue", townships.get(0).code());
        }
    }

    private void fillVillages(ObjectNode field, List<Region> townships) {
        ArrayNode values = field.putArray("values");
        for (Region township : townships) {
            regions.children(township.code()).forEach(v ->
                    values.addObject().put("label", township.name() + " " + v.name()).put("value", v.code()));
        }
        field.remove("valuesKey");
        field.remove("valuesExpression");
    }

    /** A FEEL expression choosing the villages of the chosen township: form-js re-evaluates it as the choice changes. */
    private void fillCommunities(ObjectNode field, List<Region> townships, String townshipKey) {
        StringBuilder feel = new StringBuilder("=");
        for (Region township : townships) {
            feel.append("if ").append(townshipKey).append(" = ").append(feelString(township.code())).append(" then [");
            List<Region> villages = regions.children(township.code());
            for (int i = 0; i < villages.size(); i++) {
                feel.append(i == 0 ? "" : ", ").append("{label: ").append(feelString(villages.get(i).name()))
                        .append(", value: ").append(feelString(villages.get(i).code())).append("}");
            }
            feel.append("] else ");
        }
        feel.append("[]");
        field.remove("values");
        field.remove("valuesKey");
        field.put("valuesExpression", feel.toString());
    }

    private static String feelString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
