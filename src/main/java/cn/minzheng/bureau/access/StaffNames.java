package cn.minzheng.bureau.access;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.engine.UserDirectory;

/**
 * A member of staff as every page, form and message names them: "李建国（岳村乡审核人）".
 * <p>
 * The convention of the user records: first name = the person's full name (李建国), last name = the
 * post (岳村乡审核人); Camunda Admin labels the two fields 姓名 and 岗位. A user without a post is shown
 * by name alone, an unknown id as it is. User ids stay where logic needs them (four-eyes, audit,
 * assignees); this is only how a person is shown.
 */
@Component
public class StaffNames {

    private final ProcessEngineConfiguration engine;

    public StaffNames(ProcessEngineConfiguration engine) {
        this.engine = engine;
    }

    /** "李建国（岳村乡审核人）" for {@code reviewer.yuecun}; the id itself where there is no such user. */
    public String of(String userId) {
        if (userId == null || userId.isBlank()) {
            return userId;
        }
        return display(userId, find(userId));
    }

    /** The names of several users at once, by id (in the order given). */
    public Map<String, String> of(Collection<String> userIds) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String userId : userIds) {
            if (userId != null && !names.containsKey(userId)) {
                names.put(userId, of(userId));
            }
        }
        return names;
    }

    /** The members of the groups by name and post, id → name, each once, in the order of the groups. */
    public Map<String, String> membersOf(String... groupIds) {
        Map<String, String> members = new LinkedHashMap<>();
        for (String groupId : groupIds) {
            List<User> users = UserDirectory.membersOf(engine, groupId);
            users.forEach(user -> members.putIfAbsent(user.getId(), display(user.getId(), user)));
        }
        return members;
    }

    /** A name with its post in full-width brackets, or the name alone. */
    public static String format(String name, String post) {
        String person = name == null ? "" : name.trim();
        return post == null || post.isBlank() ? person : person + "（" + post.trim() + "）";
    }

    private static String display(String userId, User user) {
        if (user == null || user.getFirstName() == null || user.getFirstName().isBlank()) {
            return userId;
        }
        return format(user.getFirstName(), user.getLastName());
    }

    /**
     * The user record, whoever asks: a name is shown to colleagues who may not list users themselves (a
     * township clerk reading who reviewed a case). Runs inside the caller's engine command where there is one.
     */
    private User find(String userId) {
        return UserDirectory.find(engine, userId);
    }
}
