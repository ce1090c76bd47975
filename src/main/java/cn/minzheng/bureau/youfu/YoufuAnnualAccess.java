package cn.minzheng.bureau.youfu;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.access.Groups;
import cn.minzheng.bureau.access.LineOfWork;
import cn.minzheng.bureau.access.ProcessAccess;
import cn.minzheng.bureau.access.Role;

/** 年审 runs by itself each year; the 优抚安置科 may also start it by hand. */
@Component
public class YoufuAnnualAccess implements ProcessAccess {

    @Override
    public String processKey() {
        return YoufuAnnualProcess.KEY;
    }

    @Override
    public List<Role> starters() {
        return List.of(Role.district(Groups.YOUFU_SECTION));
    }

    @Override
    public LineOfWork lineOfWork() {
        return LineOfWork.YOUFU;
    }
}
