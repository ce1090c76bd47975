package cn.minzheng.bureau.youfu;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.access.LineOfWork;
import cn.minzheng.bureau.access.ProcessAccess;
import cn.minzheng.bureau.access.Role;

/** A township clerk registers a person as 优抚对象; the tasks are under the line of work 优抚安置. */
@Component
public class YoufuAccess implements ProcessAccess {

    @Override
    public String processKey() {
        return YoufuProcess.KEY;
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
