package cn.minzheng.bureau.access;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.engine.TaskGrantPolicy;

/** The district-wide groups read every task through one global grant (see AccessSetup); township groups do not. */
@Component
public class DistrictWideTaskGrants implements TaskGrantPolicy {

    @Override
    public boolean readsEveryTask(String groupId) {
        return Groups.DISTRICT_WIDE.contains(groupId);
    }
}
