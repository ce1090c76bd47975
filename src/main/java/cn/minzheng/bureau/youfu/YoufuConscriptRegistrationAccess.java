package cn.minzheng.bureau.youfu;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.access.LineOfWork;
import cn.minzheng.bureau.access.ProcessAccess;
import cn.minzheng.bureau.access.Role;

/** A township clerk registers a conscript of the township (a start form only: the process has no task). */
@Component
public class YoufuConscriptRegistrationAccess implements ProcessAccess {

    @Override
    public String processKey() {
        return YoufuConscriptRegistrationProcess.KEY;
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
