package cn.minzheng.bureau.resettlement;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.access.LineOfWork;
import cn.minzheng.bureau.access.ProcessAccess;
import cn.minzheng.bureau.access.Role;

/** A township clerk registers a discharged soldier's arrival; the 优抚安置科's tasks are under 优抚安置. */
@Component
public class ResettlementAccess implements ProcessAccess {

    @Override
    public String processKey() {
        return ResettlementProcess.KEY;
    }

    @Override
    public List<Role> starters() {
        return List.of(Role.TOWNSHIP_CLERKS);
    }

    @Override
    public LineOfWork lineOfWork() {
        return LineOfWork.YOUFU;
    }
}
