"""制度文件: a covenant, rules of procedure or property-service contract names the passed
vote of its matter that adopted it (document.vote_mismatch); a document has its text
(`file` or `body`), and `file` is a PDF of the community's files/ (document.file_invalid).

民法典第278条: 制定和修改管理规约、议事规则, 选聘物业服务企业 are the owners' joint decisions;
最高法建筑物区分所有权解释第13条: owners may demand the 规约、规则 be published.
"""

from __future__ import annotations

from pathlib import Path

from ..analysis.documents import ADOPTING_MATTER
from ..analysis.votes import compute_outcome
from ..load.attachments import attachment_name
from ..model.labels import DOCUMENT_KIND, MATTER
from ..problems import Location, Problem, error, warning


def check(ctx) -> list[Problem]:
    problems: list[Problem] = []
    for community in ctx.portal.communities.values():
        attached = set()
        for loaded in community.documents.values():
            problems += _text(community, loaded, attached)
            problems += _vote(community, loaded)
        for name, path in sorted(community.files.items()):
            if name not in attached:
                problems.append(warning(Location(str(path)), "file.unexpected",
                                        f"这个文件不会被发布：没有哪个制度文件的 file 写着 files/{name}。"
                                        "请在对应的 documents/<编号>.yml 里写上 file: files/" + name + "，或删去这个文件。"))
    return problems


def _text(community, loaded, attached: set) -> list[Problem]:
    document, doc = loaded.model, loaded.doc
    if document.file is None and not (document.body or "").strip():
        return [error(doc.at(), "schema.missing_field",
                      "制度文件缺少全文：请填写 file（本小区 files/ 中的 PDF，例如 files/covenant-2024.pdf）"
                      "或 body（用 Markdown 写的全文），至少一项。")]
    if document.file is None:
        return []
    name = attachment_name(document.file)
    if name is None:
        return [error(doc.at("file"), "document.file_invalid",
                      f"file 应写成 files/<文件名>.pdf（本小区文件夹里 files/ 中的文件），实际是“{document.file}”。")]
    attached.add(name)
    if name in community.files or ("file", name) in community.invalid:
        return []   # a refused file is reported where it lies
    where = Path(community.folder.name) / "files" / name
    return [error(doc.at("file"), "ref.missing",
                  f"引用的文件“{document.file}”不存在：应有文件 {where.as_posix()}（PDF，不超过 20 MB）。")]


def _vote(community, loaded) -> list[Problem]:
    document, doc = loaded.model, loaded.doc
    matter = ADOPTING_MATTER.get(document.kind)
    kind_label = DOCUMENT_KIND[document.kind]
    if matter is None:
        return []
    if document.vote is None:
        return [error(doc.at("kind"), "document.vote_mismatch",
                      f"{kind_label}须经业主共同决定（民法典第二百七十八条）：请在 vote 写明通过它的表决编号"
                      f"（事项类别 matter: {matter}）。")]
    vote = community.votes.get(document.vote)
    if vote is None:
        return []   # ref.missing, or the vote's own file has problems
    v = vote.model
    if v.matter != matter:
        return [error(doc.at("vote"), "document.vote_mismatch",
                      f"表决“{document.vote}”的事项类别是“{MATTER[v.matter]}”（{v.matter}），"
                      f"{kind_label}应由事项类别为“{MATTER[matter]}”（{matter}）的表决通过。")]
    profile = community.profile.model if community.profile else None
    outcome = compute_outcome(v, profile)
    if outcome is None or not outcome.passed:
        state = "还没有计票结果" if outcome is None else f"按计票未通过（{outcome.reason}）"
        return [error(doc.at("vote"), "document.vote_mismatch",
                      f"表决“{document.vote}”{state}：{kind_label}只能由通过的表决产生。")]
    if document.adopted < v.voting.end:
        return [error(doc.at("adopted"), "document.vote_mismatch",
                      f"通过日期 {document.adopted} 早于表决“{document.vote}”结束的日期 {v.voting.end}："
                      "请填写表决结束、结果确定之后的日期。")]
    return []
