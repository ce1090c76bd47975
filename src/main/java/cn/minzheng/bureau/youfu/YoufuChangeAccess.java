package cn.minzheng.bureau.youfu;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.access.LineOfWork;
import cn.minzheng.bureau.access.ProcessAccess;
import cn.minzheng.bureau.access.Role;

/** A township clerk applies for a change of a 优抚对象 (grade, category, moving out); tasks under 优抚安置. */
@Component
public class YoufuChangeAccess implements ProcessAccess {

    @Override
    public String processKey() {
        return YoufuChangeProcess.KEY;
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
