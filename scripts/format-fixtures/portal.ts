/**
 * Government-portal chrome around a report, modelled on the residue the scraped
 * pages in ../shared/corpus/provinces-2026 and hebei carry: breadcrumbs and
 * menus, 【字号：大 中 小】, 打印本页 / 关闭窗口, share buttons, 来源 / 发布时间 lines,
 * related links, the footer with 主办单位, 网站标识码 and the ICP number.
 */
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface Article {
  site: string;
  title: string;
  subtitle?: string;
  date: string;
  source: string;
  paragraphs: string[];
}

const menu = (site: string): string => `
<div class="top"><div class="topbar"><span>今天是：2024年2月2日 星期五</span> <a href="#">无障碍浏览</a> <a href="#">长者模式</a> <a href="#">English</a> <a href="#">登录</a> <a href="#">注册</a></div>
<div class="logo"><a href="/"><img src="logo.png" alt="${site}人民政府门户网站"></a></div>
<form class="search"><input type="text" placeholder="请输入关键字"><button type="submit">搜索</button></form></div>
<nav class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/zwfw/">政务服务</a></li><li><a href="/hdjl/">互动交流</a></li><li><a href="/zj/">走进${site}</a></li><li><a href="/ztzl/">专题专栏</a></li></ul></nav>`;

const footer = (site: string): string => `
<div class="footer"><div class="links"><a href="#">网站地图</a> | <a href="#">联系我们</a> | <a href="#">网站声明</a> | <a href="#">隐私政策</a></div>
<p>主办单位：${site}人民政府办公室　承办单位：${site}大数据中心</p>
<p>版权所有：${site}人民政府　网站标识码：3710000001</p>
<p><a href="https://beian.miit.gov.cn/">鲁ICP备05001234号</a>　<a href="#">鲁公网安备 37100202000123号</a></p>
<p>建议使用1920×1080分辨率及以上浏览器访问本网站</p></div>`;

const related = (site: string): string => `
<div class="xgxw"><h3>相关报道：</h3><ul>
<li><a href="#">${site}市长作政府工作报告 今年生产总值预期增长5.5%左右</a><span>2024-01-26</span></li>
<li><a href="#">图解：一图读懂2024年${site}市政府工作报告</a><span>2024-01-27</span></li>
<li><a href="#">政府工作报告解读｜十个方面工作怎么干</a><span>2024-01-28</span></li></ul></div>
<div class="prenext"><p>上一篇：<a href="#">关于印发${site}市优化营商环境若干措施的通知</a></p><p>下一篇：<a href="#">${site}市召开全市安全生产工作会议</a></p></div>`;

const tools = `<div class="tools">【字号：<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a>】 <a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a></div>
<div class="bdsharebuttonbox share"><span>分享到：</span><a href="#" class="bds_weixin">微信</a> <a href="#" class="bds_tsina">微博</a> <a href="#" class="bds_qzone">QQ空间</a></div>`;

/** A present-day portal page: HTML5, the body in #zoom inside .TRS_Editor, CMS meta tags. */
export function modernPage(a: Article, charsetTag = '<meta charset="utf-8">'): string {
  return `<!DOCTYPE html>
<html lang="zh-CN"><head>${charsetTag}
<title>${esc(a.title)}_${a.site}人民政府门户网站</title>
<meta name="ArticleTitle" content="${esc(a.title)}">
<meta name="PubDate" content="${a.date}">
<meta name="ContentSource" content="${esc(a.source)}">
<meta name="keywords" content="政府工作报告">
<link rel="stylesheet" href="/css/common.css"><script src="/js/jquery.min.js"></script>
<script>var _hmt = _hmt || []; (function(){ var hm = document.createElement("script"); hm.src = "https://hm.example/hm.js?x"; })();</script>
<style>.TRS_Editor p{text-indent:2em;line-height:2}</style>
</head><body>
${menu(a.site)}
<div class="main"><div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/zfgzbg/">政府工作报告</a></div>
<div class="article">
<h1 class="article-title">${esc(a.title)}</h1>
<div class="info"><span>发布时间：${a.date}</span> <span>来源：${esc(a.source)}</span> <span>浏览次数：<script>document.write(3521)</script></span></div>
${tools}
<div id="zoom"><div class="TRS_Editor">
${a.subtitle ? `<p style="text-align:center">${esc(a.subtitle)}</p>\n` : ''}${a.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}
</div></div>
<div class="tools2">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>
${related(a.site)}
</div></div>
${footer(a.site)}
</body></html>
`;
}

/** An older portal page: table layout, GB2312, paragraphs as "　　…<br>" in a table cell. */
export function tablePage(a: Article): string {
  const body = a.paragraphs.map((p) => `　　${esc(p)}<br>`).join('\n');
  return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html><head>
<meta charset=gb2312>
<title>${esc(a.title)}</title>
<link href="../../images/style.css" rel="stylesheet" type="text/css">
</head><body>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0"><tr><td><img src="../../images/top.jpg" width="1000" height="120"></td></tr>
<tr><td class="menu"><a href="/">网站首页</a> | <a href="/xxgk/">信息公开</a> | <a href="/bsfw/">办事服务</a> | <a href="/gzhd/">公众互动</a> | <a href="/mlsj/">魅力${a.site}</a></td></tr></table>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0">
<tr><td class="dqwz">您现在的位置：<a href="/">首页</a> &gt;&gt; <a href="/xxgk/">信息公开</a> &gt;&gt; 政府工作报告</td></tr>
<tr><td align="center" class="bt">${esc(a.title)}</td></tr>
<tr><td align="center" class="sj">日期：${a.date}　　来源：${esc(a.source)}　　【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】</td></tr>
<tr><td class="nr">
${a.subtitle ? `<div align="center">${esc(a.subtitle)}</div>\n` : ''}${body}
</td></tr>
<tr><td align="right"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></td></tr></table>
<table width="1000" border="0" align="center" class="foot"><tr><td align="center">版权所有：${a.site}人民政府办公室　地址：${a.site}市人民路1号　邮编：264200<br>
网站标识码：3710000002　<a href="#">鲁ICP备05005678号</a></td></tr></table>
</body></html>
`;
}

/** Page 1 of an article the CMS split into pages (上一页 1 2 3 下一页), as TRS does with createPageHTML. */
export function firstOfManyPage(a: Article, pages: number): string {
  const links = Array.from({ length: pages }, (_, i) => (i === 0 ? '<span class="current">1</span>' : `<a href="t20240201_123_${i}.html">${i + 1}</a>`)).join(' ');
  return modernPage(a).replace('<div class="tools2">', `<div class="page_nav">上一页 ${links} <a href="t20240201_123_1.html">下一页</a> <a href="t20240201_123_${pages - 1}.html">尾页</a></div>
<script>createPageHTML(${pages}, 0, "t20240201_123", "html");</script>
<div class="tools2">`);
}

/** A list page: headlines and dates, no article. */
export function listPage(site: string, headlines: string[]): string {
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>政府工作报告_${site}人民政府门户网站</title></head><body>
${menu(site)}
<div class="main"><div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 政府工作报告</div>
<ul class="list">${headlines.map((h, i) => `<li><a href="/zwgk/${i}.html">${esc(h)}</a><span>2024-0${1 + (i % 9)}-1${i % 10}</span></li>`).join('\n')}</ul>
<div class="page_nav">共 3 页 <a href="#">首页</a> <a href="#">上一页</a> <a href="#">下一页</a> <a href="#">尾页</a></div></div>
${footer(site)}
</body></html>
`;
}
