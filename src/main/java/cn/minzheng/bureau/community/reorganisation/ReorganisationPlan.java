package cn.minzheng.bureau.community.reorganisation;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A reorganisation plan as data (the JSON the drafter edits). Which fields a step uses depends on its kind:
 * <ul>
 * <li>MERGE: {@code sources} (communities), {@code code} (the community they become: existing, or new with
 * {@code name} and optionally {@code township}, default the first source's township);</li>
 * <li>SPLIT: {@code code} (the community split), {@code parts} (existing or new communities),
 * {@code households} (household id → part code) and {@code rest} (the part that takes every other household);</li>
 * <li>CREATE: {@code code}, {@code name}, {@code township} (its parent) and optionally {@code regionKind}
 * (COMMUNITY, VILLAGE, or TOWNSHIP / STREET_OFFICE, which belong to the district);</li>
 * <li>HAND_OVER: {@code code} (the community) and {@code township} (where it goes);</li>
 * <li>RENAME: {@code code} and {@code name}.</li>
 * </ul>
 */
@JsonIgnoreProperties(ignoreUnknown = false)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReorganisationPlan(String title, List<Step> steps) {

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Step(StepKind kind, List<String> sources, String code, String name, String township,
                       String regionKind, List<Part> parts, Map<String, String> households, String rest) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Part(String code, String name) {
    }
}
