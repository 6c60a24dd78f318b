import type { PublicNoticeView } from './notice.mapper';
import { formatDateZh } from './notice-text';
import type { PublicReportStatusView, ReportReceipt } from './reports.service';
import { REPORT_CONTACT_MAX, REPORT_CONTENT_MAX, REPORT_CONTENT_MIN } from './notices.dto';

/**
 * The public notice board as plain server-rendered HTML: readable and usable without JavaScript
 * (links and a form that posts application/x-www-form-urlencoded), for any phone or old browser.
 */

export function escapeHtml(value: string | number): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const STYLE = `
body{margin:0;background:#f4efe6;color:#222;font-family:"SimSun","Songti SC","Noto Serif CJK SC","Noto Serif SC",serif;line-height:1.8;overflow-wrap:anywhere}
header{background:#b3120f;color:#fff;padding:14px 20px;border-bottom:4px solid #e0b34b}
header h1{margin:0;font-size:22px;letter-spacing:2px}
header p{margin:2px 0 0;font-size:14px;opacity:.9}
main{max-width:860px;margin:20px auto;background:#fff;border:1px solid #d9cbb0;padding:20px 28px}
h2{color:#b3120f;text-align:center;font-size:22px;margin:8px 0 16px}
ul.board{list-style:none;padding:0;margin:0}
ul.board li{border-bottom:1px dashed #c9b99a;padding:10px 0}
ul.board a{color:#1f3f7a;font-size:17px;text-decoration:none}
.meta{color:#666;font-size:14px}
.tag{display:inline-block;border:1px solid #b3120f;color:#b3120f;font-size:12px;padding:0 6px;margin-right:6px}
.closed{border-color:#888;color:#888}
.body p{text-indent:2em;margin:6px 0}
.body p.sign{text-align:right;text-indent:0}
table{border-collapse:collapse;width:100%;margin:10px 0}
th,td{border:1px solid #999;padding:4px 8px;font-size:15px}
th{background:#f7e9e4}
form{border-top:2px solid #b3120f;margin-top:24px;padding-top:12px}
label{display:block;margin:10px 0 4px;font-weight:bold}
textarea{width:100%;min-height:160px;font-size:15px;box-sizing:border-box}
input[type=text]{width:100%;font-size:15px;box-sizing:border-box}
button{background:#b3120f;color:#fff;border:0;padding:8px 28px;font-size:16px;margin-top:12px}
.notice{background:#fff7e0;border:1px solid #e0b34b;padding:8px 12px}
.error{background:#fdecea;border:1px solid #b3120f;padding:8px 12px}
.code{font-family:monospace;font-size:24px;letter-spacing:3px;color:#b3120f}
footer{text-align:center;color:#777;font-size:13px;margin:20px 0}
@media (max-width:600px){main{margin:8px;padding:12px 14px}th,td{padding:4px;font-size:14px}}
`;

function page(title: string, issuer: string, content: string): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${escapeHtml(issuer)}</h1><p>干部选拔任用公示公告栏</p></header>
<main>
${content}
</main>
<footer>${escapeHtml(issuer)} · 本页面无需登录，可直接查看和反映情况</footer>
</body>
</html>
`;
}

function period(n: PublicNoticeView): string {
  return `${formatDateZh(n.startsOn)}至${n.endsOnLabel}（${n.workingDays}个工作日）`;
}

function statusTag(n: PublicNoticeView): string {
  return `<span class="tag${n.inPeriod ? '' : ' closed'}">${escapeHtml(n.statusLabel)}</span>`;
}

export function renderNoticeBoard(notices: PublicNoticeView[], issuer: string): string {
  const items = notices.length
    ? `<ul class="board">${notices
        .map(
          (n) => `<li>${statusTag(n)}<span class="tag">${escapeHtml(n.kindLabel)}</span>
<a href="/public/notices/${escapeHtml(n.id)}?format=html">${escapeHtml(n.title)}</a>
<div class="meta">公示时间：${escapeHtml(period(n))}</div></li>`,
        )
        .join('\n')}</ul>`
    : '<p>目前没有正在公示的内容。</p>';
  return page(
    '公示公告',
    issuer,
    `<h2>公示公告</h2>
${items}
${lookupForm()}`,
  );
}

function lookupForm(): string {
  return `<form method="get" action="/public/reports">
<input type="hidden" name="format" value="html">
<label for="receiptCode">凭受理编号查询办理状态</label>
<input type="text" id="receiptCode" name="receiptCode" maxlength="20" autocomplete="off">
<button type="submit">查询</button>
</form>`;
}

export function renderNoticePage(n: PublicNoticeView, issuer: string): string {
  const body = n.body
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i, all) => `<p${i >= all.length - 2 ? ' class="sign"' : ''}>${escapeHtml(line)}</p>`)
    .join('\n');
  const withProposed = n.candidates.some((c) => c.proposedPost);
  const rows = n.candidates
    .map(
      (c, i) =>
        `<tr><td>${i + 1}</td><td>${escapeHtml(c.name)}</td><td>${escapeHtml(c.gender)}</td><td>${escapeHtml(c.birthMonth.replace('-', '.'))}</td><td>${escapeHtml(c.currentPost)}</td>${
          withProposed ? `<td>${escapeHtml(c.proposedPost ?? '—')}</td>` : ''
        }</tr>`,
    )
    .join('\n');
  const choices = n.candidates
    .map(
      (c, i) =>
        `<div><input type="radio" name="candidateId" id="c${i}" value="${escapeHtml(c.id)}"${n.candidates.length === 1 ? ' checked' : ''} required> <label for="c${i}" style="display:inline;font-weight:normal">${escapeHtml(c.name)}（${escapeHtml(c.currentPost)}）</label></div>`,
    )
    .join('\n');
  const lateNote = n.inPeriod
    ? ''
    : '<p class="notice">本公示期已结束。现在反映的情况仍会登记并按规定处理，并注明为公示期满后收到。</p>';
  const provisional = n.provisional
    ? '<p class="notice">截止日期为暂定：当年节假日安排尚未公布，暂按周一至周五计算，以国务院公布的安排为准。</p>'
    : '';
  return page(
    n.title,
    issuer,
    `<p><a href="/public/notices?format=html">← 返回公示公告栏</a></p>
<h2>${escapeHtml(n.title)}</h2>
<p class="meta">${statusTag(n)}${escapeHtml(n.kindLabel)} · 公示时间：${escapeHtml(period(n))} · 截止：${escapeHtml(n.endsOnLabel)}24时</p>
${provisional}
${n.verificationCode ? `<p class="meta">本公示已印发盖章文本，验证码：<strong>${escapeHtml(n.verificationCode)}</strong>（<a href="/public/verify/${escapeHtml(n.verificationCode)}">核验</a>）</p>` : ''}
<table><thead><tr><th>序号</th><th>姓名</th><th>性别</th><th>出生年月</th><th>现任职务</th>${withProposed ? '<th>拟任职务</th>' : ''}</tr></thead>
<tbody>${rows}</tbody></table>
<div class="body">${body}</div>
<form method="post" action="/public/notices/${escapeHtml(n.id)}/reports?format=html" accept-charset="utf-8" enctype="application/x-www-form-urlencoded">
<h3>网上反映（举报）</h3>
${lateNote}
<fieldset><legend>反映对象</legend>
${choices}
</fieldset>
<label for="content">反映内容（${REPORT_CONTENT_MIN}至${REPORT_CONTENT_MAX}字，请写明具体事实）</label>
<textarea id="content" name="content" minlength="${REPORT_CONTENT_MIN}" maxlength="${REPORT_CONTENT_MAX}" required></textarea>
<label for="contact">联系方式（选填；仅组织部门可见，严格保密）</label>
<input type="text" id="contact" name="contact" maxlength="${REPORT_CONTACT_MAX}">
<button type="submit">提交</button>
<p class="meta">举报电话：${escapeHtml(n.reporting.phone)}&emsp;来信来访地址：${escapeHtml(n.reporting.address)}</p>
</form>`,
  );
}

export function renderReceiptPage(receipt: ReportReceipt, issuer: string): string {
  const late = receipt.late ? '<p class="notice">本件在公示期满后收到，已登记，将按规定处理。</p>' : '';
  return page(
    '反映已受理',
    issuer,
    `<h2>您的反映已受理</h2>
${late}
<p>受理编号：</p>
<p class="code">${escapeHtml(receipt.receiptCode)}</p>
<p>请妥善保存受理编号，可凭编号查询办理状态（不公开核查结论）。我们将对反映人和反映内容严格保密。</p>
<p><a href="/public/reports/${escapeHtml(receipt.receiptCode)}?format=html">查询办理状态</a>&emsp;<a href="/public/notices?format=html">返回公示公告栏</a></p>`,
  );
}

export function renderReportStatusPage(status: PublicReportStatusView, issuer: string): string {
  return page(
    '办理状态',
    issuer,
    `<h2>办理状态查询</h2>
<p>受理编号：<span class="code">${escapeHtml(status.receiptCode)}</span></p>
<p>当前状态：<strong>${escapeHtml(status.statusLabel)}</strong></p>
<p><a href="/public/notices?format=html">返回公示公告栏</a></p>`,
  );
}

export interface ErrorBodyLike {
  statusCode?: number;
  message?: string;
  errors?: { field: string; message: string }[];
}

const FIELD_LABELS: Record<string, string> = { candidateId: '反映对象', content: '反映内容', contact: '联系方式' };

export function renderErrorPage(body: ErrorBodyLike, issuer: string): string {
  const errors = (body.errors ?? [])
    .map((e) => `<li>${escapeHtml(FIELD_LABELS[e.field] ?? e.field)}：${escapeHtml(e.message)}</li>`)
    .join('');
  return page(
    '提交未成功',
    issuer,
    `<h2>未能完成请求</h2>
<div class="error"><p>${escapeHtml(body.message ?? '请求有误')}</p>${errors ? `<ul>${errors}</ul>` : ''}</div>
<p>请返回上一页修改后重新提交。&emsp;<a href="/public/notices?format=html">返回公示公告栏</a></p>`,
  );
}
