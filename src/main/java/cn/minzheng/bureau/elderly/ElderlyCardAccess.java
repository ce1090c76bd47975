package cn.minzheng.bureau.elderly;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.access.LineOfWork;
import cn.minzheng.bureau.access.ProcessAccess;
import cn.minzheng.bureau.access.Role;

/** A township clerk registers an application for a 老年人优待证; its tasks are listed under 老龄工作. */
@Component
public class ElderlyCardAccess implements ProcessAccess {

    @Override
    public String processKey() {
        return ElderlyCardProcess.KEY;
    }

    @Override
    public List<Role> starters() {
        return List.of(Role.TOWNSHIP_CLERKS);
    }

    @Override
    public LineOfWork lineOfWork() {
        return LineOfWork.ELDERLY_ALLOWANCE;
    }
}
