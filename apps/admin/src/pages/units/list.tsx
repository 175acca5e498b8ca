/**
 * Units: a lazily loaded tree from the person's own unit down, and a search (server-side `q`, which is
 * diacritics-insensitive; matches are highlighted with the same folding here).
 */
import { useCallback, useState } from "react";
import { useGetIdentity, useTranslate, useDelete, useCan } from "@refinedev/core";
import { List, CreateButton, EditButton } from "@refinedev/antd";
import { Card, Col, DatePicker, Input, Row, Tag, Tree, Typography, Button, Popconfirm, Space } from "antd";
import dayjs from "dayjs";
import { Link } from "react-router";
import type { UnitSummary, User } from "@sohoa/contract";
import { request } from "../../providers/api-client";
import { formatDate } from "../../lib/format";
import { ErrorState } from "../../components/states";
import { UnitSearchResults, type FoundUnit } from "./search-results";

interface Node { key: string; title: React.ReactNode; isLeaf: boolean; unit: UnitSummary; children?: Node[] }

const toNode = (u: UnitSummary & { childCount?: number }): Node => ({
  key: u.id,
  unit: u,
  isLeaf: u.level === "COMMUNE" || u.childCount === 0,
  title: <span>{u.name} <Typography.Text type="secondary" style={{ fontSize: 12 }}>{u.code}</Typography.Text>{u.validTo ? <Tag style={{ marginLeft: 4 }}>⊘</Tag> : null}</span>,
});

function insert(nodes: Node[], key: string, children: Node[]): Node[] {
  return nodes.map((n) => (n.key === key ? { ...n, children } : n.children ? { ...n, children: insert(n.children, key, children) } : n));
}

export function UnitList() {
  const t = useTranslate();
  const { data: user } = useGetIdentity<User>();
  const [tree, setTree] = useState<Node[] | null>(null);
  const [treeError, setTreeError] = useState<unknown>(null);
  const [q, setQ] = useState("");
  const [results, setResults] = useState<FoundUnit[] | null>(null);
  const [asOf, setAsOf] = useState<string | null>(null);
  const [searching, setSearching] = useState(false);
  const [searchError, setSearchError] = useState<unknown>(null);
  const [selected, setSelected] = useState<UnitSummary | null>(null);
  // the map of units depends on the date (communes were merged on 01/07/2025): empty = today
  const [date, setDate] = useState<string | undefined>(undefined);
  const { mutate: remove } = useDelete();
  const { data: canEdit } = useCan({ resource: "units", action: "edit" });

  if (user && tree === null && !treeError) setTree([toNode(user.unit)]);

  const loadChildren = useCallback(async (node: { key: React.Key }) => {
    try {
      const { data } = await request<UnitSummary[]>("/units", { query: { parentId: String(node.key), _start: 0, _end: 1000, _sort: "name", _order: "asc", date } });
      setTree((prev) => insert(prev ?? [], String(node.key), data.map(toNode)));
    } catch (e) {
      setTreeError(e);
    }
  }, [date]);

  const search = async (value: string) => {
    setQ(value);
    if (!value.trim()) { setResults(null); return; }
    setSearching(true);
    setSearchError(null);
    try {
      // empty date = the latest date with figures (after the 2025 reform "today" has none of the old units)
      const { data, headers } = await request<FoundUnit[]>("/units", { query: { q: value.trim(), _start: 0, _end: 100, date: date ?? "latest", former: "true" } });
      setResults(data);
      setAsOf(headers.get("x-as-of"));
    } catch (e) {
      setSearchError(e);
    } finally {
      setSearching(false);
    }
  };

  const detail = selected && (
    <Card size="small" title={selected.fullName || selected.name} extra={<Space>
      <Link to={`/dashboard/${selected.code}`}>{t("menu.dashboard")}</Link>
      <Link to={`/units/show/${selected.id}`} data-testid="unit-history-link">{t("unitsReorg.history.successors")} / {t("unitsReorg.history.predecessors")}</Link>
      {canEdit?.can && <EditButton size="small" recordItemId={selected.id} />}
      {canEdit?.can && !selected.validTo && (
        <Popconfirm title={t("units.deactivateConfirm")} onConfirm={() => remove({ resource: "units", id: selected.id }, { onSuccess: () => setSelected({ ...selected, validTo: new Date().toISOString().slice(0, 10) }) })}>
          <Button size="small" danger>{t("units.deactivate")}</Button>
        </Popconfirm>
      )}
    </Space>}>
      <p>{t("units.fields.code")}: <b>{selected.code}</b> · {t("units.fields.level")}: {t(`levels.${selected.level}`)}</p>
      <p>{t("units.fields.validFrom")}: {formatDate(selected.validFrom)} · {t("units.fields.validTo")}: {formatDate(selected.validTo)}</p>
    </Card>
  );

  return (
    <List title={t("units.titles.list")} headerButtons={<Space>{canEdit?.can && <Link to="/units/merge"><Button>{t("unitsReorg.menu.merge")}</Button></Link>}{canEdit?.can && <Link to="/units/import"><Button>{t("unitsReorg.menu.import")}</Button></Link>}<CreateButton /></Space>}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search placeholder={t("units.searchPlaceholder")} allowClear enterButton onSearch={search} loading={searching} style={{ width: 420 }} data-testid="unit-search" />
        <DatePicker format="DD/MM/YYYY" value={date ? dayjs(date) : null} placeholder={t("dashboard.date")} onChange={(d) => { setDate(d ? d.format("YYYY-MM-DD") : undefined); setTree(null); setResults(null); setSelected(null); }} />
      </Space>
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          {searchError ? <ErrorState error={searchError} onRetry={() => void search(q)} /> : results ? (
            <UnitSearchResults results={results} q={q} asOf={asOf} latest={!date} onPick={setSelected} />
          ) : treeError ? <ErrorState error={treeError} onRetry={() => { setTreeError(null); setTree(null); }} /> : (
            <Tree<Node> treeData={tree ?? []} loadData={loadChildren} onSelect={(_, info) => setSelected(info.node.unit)} showLine height={560} data-testid="unit-tree" />
          )}
        </Col>
        <Col xs={24} lg={10}>{detail}</Col>
      </Row>
    </List>
  );
}
