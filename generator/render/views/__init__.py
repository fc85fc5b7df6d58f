"""View models: every figure, label and status a community page shows, computed in Python,
one module per page family. Templates only print what is here (style: templates hold no
logic); render/pages.py is the one place that renders them into pages.

context            the Context every view takes; references and correction trails
notices            公示公告: the list by state, each notice
ledgers            专项维修资金, 公共收益: each account, each period's ledger
votes              表决: the list, each vote
committee          业主委员会, and the term warning, the party organisations, the last meeting
meetings           会议与决定
documents          制度文件: the list by state, each document
firms              a property service company's page (a lone community's, or the district's)
inspections        监督检查, and the overdue items
evaluations        履约考评
property_services  物业服务
home               首页
"""

from .context import Context, make_context

__all__ = ["Context", "make_context"]
