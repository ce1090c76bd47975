package cn.minzheng.bureau.relief;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

public record Disaster(long id, String disasterNumber, DisasterKind kind, String name, LocalDateTime occurredAt,
                       LocalDate endedOn, BigDecimal cropAreaMu, int housesDamaged, int housesCollapsed,
                       int peopleAffected, DisasterStatus status, BigDecimal fundRequested, BigDecimal cityFund,
                       BigDecimal fundBalance, String processInstanceId) {
}
