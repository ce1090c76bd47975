package cn.minzheng.bureau.relief.rebuilding;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.access.LineOfWork;
import cn.minzheng.bureau.access.ProcessAccess;
import cn.minzheng.bureau.access.Role;

/** House rebuilding is started by the disaster relief process; it is listed with relief. */
@Component
public class HouseRebuildingAccess implements ProcessAccess {

    @Override
    public String processKey() {
        return HouseRebuildingProcess.KEY;
    }

    @Override
    public List<Role> starters() {
        return List.of();
    }

    @Override
    public LineOfWork lineOfWork() {
        return LineOfWork.RELIEF;
    }
}
