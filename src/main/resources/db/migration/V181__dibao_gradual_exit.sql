-- 渐退 (docs/dibao-rules.md): a review that finds a household above the standard through employment keeps the
-- benefit for bureau.dibao.gradual-exit-months; gradual_exit_until is the last month paid (yyyy-MM), after which
-- the daily review schedule cancels the case. Null: not in a gradual exit.
alter table dibao_case add column gradual_exit_until varchar(7);

-- a review's outcome may be PHASE_OUT (渐退)
alter table dibao_review drop constraint dibao_review_outcome_check;
alter table dibao_review add constraint dibao_review_outcome_check
    check (outcome is null or outcome in ('KEEP','RAISE','LOWER','CANCEL','PHASE_OUT'));
