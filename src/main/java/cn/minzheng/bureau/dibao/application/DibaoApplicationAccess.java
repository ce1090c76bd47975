package cn.minzheng.bureau.dibao.application;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.access.LineOfWork;
import cn.minzheng.bureau.access.ProcessAccess;
import cn.minzheng.bureau.access.Role;

/** A township's clerks take 低保 applications. */
@Component
public class DibaoApplicationAccess implements ProcessAccess {

    @Override
    public String processKey() {
        return DibaoApplicationProcess.KEY;
    }

    @Override
    public List<Role> starters() {
        return List.of(Role.TOWNSHIP_CLERKS);
    }

    @Override
    public LineOfWork lineOfWork() {
        return LineOfWork.DIBAO_APPLICATION;
    }
}
