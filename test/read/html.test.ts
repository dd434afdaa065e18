import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { readBytes } from '../../src/read/index.js';
import { readHtml } from '../../src/read/html.js';
import { decodeEntities, decodeHtml } from '../../src/read/html-parse.js';
import { extractBytes } from '../../src/pipeline.js';
import type { ReadResult } from '../../src/document.js';
import { readCorpus } from './helpers.js';

const page = (body: string, head = '<meta charset="utf-8"><title>页面</title>') => `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`;
const read = (html: string | Buffer): ReadResult => readHtml(typeof html === 'string' ? Buffer.from(html, 'utf8') : html);
const text = (html: string) => read(html).text;
const lines = (html: string) => text(html).split('\n').filter(Boolean);
const ids = (r: ReadResult) => (r.messages ?? []).map((m) => m.ruleId);

describe('HTML: character references', () => {
  it('named, decimal and hexadecimal references', () => {
    expect(decodeEntities('&ldquo;三公&rdquo;经费&mdash;&mdash;&hellip;&middot;&times;&nbsp;&lt;&gt;&amp;&quot;&apos;&lsquo;&rsquo;')).toBe('“三公”经费——…·×\u00a0<>&"\'‘’');
    expect(decodeEntities('&#19968;&#x4e00;&#X4E8C;&#20108')).toBe('一一二二');
    expect(decodeEntities('&#147;引号&#148; &#150;')).toBe('“引号” –'); // windows-1252, as browsers read them
  });

  it('unknown names stay as written; legacy names without a semicolon only where browsers take them', () => {
    expect(decodeEntities('&unknown; &copy 2024 &amp &ampx &notaname')).toBe('&unknown; © 2024 & &ampx &notaname');
    expect(decodeEntities('&amp;lt;')).toBe('&lt;'); // decoded once
    expect(decodeEntities('&#0; &#xD800; &#x110000;')).toBe('\ufffd \ufffd \ufffd');
  });

  it('in the text and in attributes', () => {
    expect(text(page('<p>收入&nbsp;207.48&#19975;元&ldquo;科普&rdquo;</p>'))).toBe('收入 207.48万元“科普”\n');
  });
});

describe('HTML: charset', () => {
  const body = '<p>2023年部门整体支出绩效自评报告，支出合计132.61万元。</p>';
  const want = '2023年部门整体支出绩效自评报告，支出合计132.61万元。\n';

  it('declared gb2312 / gbk / gb18030 (meta charset or http-equiv) → GB18030', () => {
    for (const head of ['<meta charset="gbk">', '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', "<meta http-equiv=Content-Type content='text/html;charset=GB18030'>"]) {
      const r = read(iconv.encode(page(body, head), 'gbk'));
      expect(r.text).toBe(want);
      expect(r.format).toBe('html:gb18030');
    }
    // a GBK-only character on a page that says gb2312
    expect(read(iconv.encode(page('<p>㎡镕</p>', '<meta charset="gb2312">'), 'gbk')).text).toBe('㎡镕\n');
  });

  it('big5, utf-8, <?xml encoding?>, and a BOM before all', () => {
    const big5 = read(iconv.encode(page('<p>部門整體支出</p>', '<meta charset="big5">'), 'big5'));
    expect(big5.text).toBe('部門整體支出\n');
    expect(big5.format).toBe('html:big5');
    expect(read(page(body)).format).toBe('html');
    const xml = iconv.encode(`<?xml version="1.0" encoding="gb2312"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body>${body}</body></html>`, 'gbk');
    expect(read(xml).text).toBe(want);
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(page(body, '<meta charset="gb2312">'), 'utf-16le')]);
    expect(read(le).text).toBe(want);
  });

  it('no declaration: guessed as a text file is (UTF-8, else GB18030 or Big5)', () => {
    expect(read(iconv.encode(`<html><body>${body}</body></html>`, 'gbk')).format).toBe('html:gb18030');
    expect(read(Buffer.from(`<html><body>${body}</body></html>`)).format).toBe('html');
    expect(decodeHtml(iconv.encode('<html><body>部門整體支出，經費預算</body></html>', 'big5')).encoding).toBe('big5');
  });

  it('a declaration the bytes contradict: UTF-8 bytes under gb2312 are UTF-8, GBK bytes under utf-8 are guessed', () => {
    const resaved = read(Buffer.from(page(body, '<meta charset="gb2312">'), 'utf8'));
    expect(resaved.text).toBe(want);
    expect(resaved.format).toBe('html');
    expect(resaved.messages?.find((m) => m.ruleId === 'read:encoding')?.reason).toMatch(/declared gb2312, but the bytes are UTF-8/);
    const mislabelled = read(iconv.encode(page(body, '<meta charset="utf-8">'), 'gbk'));
    expect(mislabelled.text).toBe(want);
    expect(mislabelled.format).toBe('html:gb18030');
    // a label we do not trust (latin-1) is not used
    expect(read(iconv.encode(page(body, '<meta charset="iso-8859-1">'), 'gbk')).text).toBe(want);
  });
});

describe('HTML: blocks, inline elements and white space', () => {
  it('block elements break lines, inline ones do not', () => {
    const html = page('<div>一、部门<span>基本</span><b>情况</b></div><h2>（一）<font color=red>职能</font></h2><p>甲<a>乙</a>丙<br>丁</p><ul><li>第一项</li><li>第二项</ul><table><tr><td>单格</td></tr></table><center>居中</center><blockquote>引文</blockquote><section>节</section><dl><dt>术语<dd>释义</dl>');
    expect(lines(html)).toEqual(['一、部门基本情况', '（一）职能', '甲乙丙', '丁', '第一项', '第二项', '单格', '居中', '引文', '节', '术语', '释义']);
  });

  it('no space between CJK characters split only by a source line break; one space elsewhere', () => {
    expect(lines(page('<p>基本支\n出149.83万元，项目支出\r\n  11.69万元，Word\nExcel and\n  PDF；a  b\t\tc</p>'))).toEqual(['基本支出149.83万元，项目支出11.69万元，Word Excel and PDF；a b c']);
    // across inline elements too; real spaces between CJK characters stay (the browser shows them)
    expect(lines(page('<p><span>年末实有</span>\n<span>在职人员 7 人</span></p>'))).toEqual(['年末实有在职人员 7 人']);
  });

  it('&nbsp; is a space that does not collapse; indentation at a line start goes', () => {
    expect(lines(page('<p>&nbsp;&nbsp;&nbsp;&nbsp;我单位高度重视</p><p>　　全角缩进</p><p>填表人：&nbsp;&nbsp;&nbsp; 填报日期：</p>'))).toEqual(['我单位高度重视', '全角缩进', '填表人：    填报日期：']);
  });

  it('<pre> keeps its lines and spaces; empty paragraphs make no lines', () => {
    // (spaces at the ends of a line go there too)
    expect(text(page('<pre>第一行\n  第二行  有空格</pre><p><o:p>&nbsp;</o:p></p><p> </p><p>后</p>'))).toBe('第一行\n第二行  有空格\n后\n');
  });

  it('unclosed <p>, <li> and <td> close themselves; stray end tags change nothing', () => {
    expect(lines(page('<p>甲<p>乙</div><ul><li>丙<li>丁</ul><p>戊</span></p></p>己'))).toEqual(['甲', '乙', '丙', '丁', '戊', '己']);
  });

  it('<ol> items get the number a browser shows; <ul> bullets are no text', () => {
    expect(lines(page('<ol><li>预算编制不够精准<li>宣传力度不足</ol><ol start=3 type=a><li>三</ol><ol style="list-style-type:cjk-ideographic"><li>甲</li><li>乙</li></ol><ul><li>点</li></ul>'))).toEqual(['1.预算编制不够精准', '2.宣传力度不足', 'c.三', '一、甲', '二、乙', '点']);
  });
});

describe('HTML: what a browser does not show is dropped', () => {
  it('head, scripts, styles, comments (conditional ones too), hidden elements, Word properties', () => {
    const html = `<html><head><title>标题_某县人民政府</title><style>p{color:red}</style><script>var s = "<p>脚本</p>";</script></head>
<body><!-- 注释 --><p>正文一</p><!--[if gte mso 9]><xml><w:View>Print</w:View><w:Zoom>90</w:Zoom></xml><![endif]-->
<script type="text/javascript">document.write("<p>写入</p>")</script><noscript>请启用脚本</noscript>
<p style="display:none">隐藏</p><p class=MsoNormal style='display:none;mso-hide:all'>Word 隐藏</p><div hidden>hidden</div>
<o:DocumentProperties><o:Author>张三</o:Author></o:DocumentProperties><p>正文二<o:p></o:p></p><xml><w:Zoom>90</w:Zoom></xml>
<select><option>友情链接</option></select><iframe src="x.html">框架</iframe><button>搜索</button><input value="关键词"></body></html>`;
    const r = read(html);
    expect(r.text).toBe('正文一\n正文二\n');
    expect(r.messages?.find((m) => m.ruleId === 'read:html-title')?.reason).toContain('标题_某县人民政府');
  });

  // A WeChat article saved as "HTML only" (the markup of mp.weixin.qq.com pages): the article's text is in a
  // visibility-hidden #js_content until the page's script shows it; only the title and account name are visible.
  const wechat = (body: string) =>
    `<!DOCTYPE html><html><head><meta charset="utf-8"><title>某县科协2023年度部门整体支出绩效自评报告</title><script>var msg_title = "…";</script></head>
<body id="activity-detail" class="zh_CN wx_wap_page"><div id="js_article" class="rich_media"><div class="rich_media_inner"><div id="page-content" class="rich_media_area_primary">
<div id="img-content" class="rich_media_wrp"><h1 class="rich_media_title " id="activity-name">某县科协2023年度部门整体支出绩效自评报告</h1>
<div id="meta_content" class="rich_media_meta_list"><span class="rich_media_meta rich_media_meta_nickname" id="profileBt"><a href="javascript:void(0);" id="js_name">某县科协</a></span><em id="publish_time" class="rich_media_meta rich_media_meta_text"></em></div>
<div class="rich_media_content js_underline_content" id="js_content" style="visibility: hidden;">${body}</div>
</div></div></div></div><script>document.getElementById("js_content").style.visibility = "visible";</script></body></html>`;
  const ARTICLE =
    '<section><p><span>一、部门基本情况</span></p><p><span>县科协内设办公室、科普部2个科室，核定编制7名，实有在职人员7人，退休人员3人。主要职责是开展科学技术普及，组织科技工作者开展学术交流和科技服务，承担全民科学素质工作的日常事务。</span></p>' +
    '<p><span>二、部门整体支出情况</span></p><p><span>2023年部门预算支出210.50万元，实际支出205.30万元，预算执行率97.53%。其中基本支出150.20万元，项目支出55.10万元，全部用于科普活动、青少年科技创新大赛和基层科普能力建设。</span></p></section>';

  it('a page whose text a script reveals (visibility: hidden, a WeChat article saved as "HTML only") is read as shown', () => {
    const r = read(wechat(ARTICLE));
    expect(r.text).toContain('一、部门基本情况\n县科协内设办公室');
    expect(r.text).toContain('2023年部门预算支出210.50万元，实际支出205.30万元');
    expect(ids(r)).toContain('read:html-revealed');
  });

  it('hidden text stays hidden when it is a label or less than the page shows, and display: none always', () => {
    const short = read(wechat('<p>隐藏的短标签</p>'));
    expect(short.text).not.toContain('隐藏的短标签');
    expect(ids(short)).not.toContain('read:html-revealed');
    const visible = '<p>' + '本单位全年开展科普活动，'.repeat(40) + '</p>';
    const less = read(page(`${visible}<div style="visibility:hidden">${ARTICLE}</div>`));
    expect(less.text).not.toContain('部门基本情况');
    const none = read(wechat(ARTICLE).replace('style="visibility: hidden;"', 'style="visibility: hidden; display: none"'));
    expect(none.text).not.toContain('部门基本情况');
  });

  it("Word's list numbers (<![if !supportLists]>) are kept, without the spaces after them", () => {
    const html = `<html xmlns:w="urn:schemas-microsoft-com:office:word"><head><meta name=Generator content="Microsoft Word 15"></head><body>
<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:黑体'><span
style='mso-list:Ignore'>一、<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><span
style='font-family:黑体'>部门基本情况<span lang=EN-US><o:p></o:p></span></span></p></body></html>`;
    const r = read(html);
    expect(r.text).toBe('一、部门基本情况\n');
    expect(ids(r)).toContain('read:html-word');
  });
});

describe('HTML: tables', () => {
  const table = `<table border=1>
<tr><td rowspan=2>财政供养人员情况<br>（人）</td><td colspan=2><p>编制数</p></td><td>控制率</td></tr>
<tr><td>8<td>6<td>75%</tr>
<tr><td>年初<p>预算数</p></td><td colspan=3>Total<br>2023</td></tr></table>`;

  it('one line per row, \\t between cells; a row-span position is an empty cell, a column span is written once', () => {
    const r = read(page(`<p>附件一</p><p>基础数据表</p>${table}<p>说明：后文。</p>`));
    expect(r.text).toBe('附件一\n基础数据表\n财政供养人员情况（人）\t编制数\t控制率\n\t8\t6\t75%\n年初预算数\tTotal 2023\n说明：后文。\n');
    expect(r.tables).toHaveLength(1);
    const t = r.tables![0];
    expect(t.origin).toBe('html');
    expect(t.caption).toBe('基础数据表');
    expect(r.text.slice(t.start, t.end)).toBe('财政供养人员情况（人）\t编制数\t控制率\n\t8\t6\t75%\n年初预算数\tTotal 2023');
    expect(t.rows.map((row) => row.map((c) => (c.merged ? '~' : '') + c.text))).toEqual([
      ['财政供养人员情况（人）', '编制数', '~编制数', '控制率'],
      ['~财政供养人员情况（人）', '8', '6', '75%'],
      ['年初预算数', 'Total 2023', '~Total 2023', '~Total 2023'],
    ]);
    expect(t.rows[0][0]).toMatchObject({ rowSpan: 2 });
    expect(t.rows[0][1]).toMatchObject({ colSpan: 2 });
    for (const c of t.rows.flat()) expect(r.text.slice(c.start, c.end)).toBe(c.text);
  });

  it('rowspan=0 runs to the end; a short row gets empty cells at its end', () => {
    const r = read(page('<table><tr><td rowspan=0>甲</td><td>1</td><td>2</td></tr><tr><td>3</td></tr><tr><td>4</td><td>5</td></tr></table>'));
    expect(r.text).toBe('甲\t1\t2\n\t3\n\t4\t5\n');
    const t = r.tables![0];
    expect(t.rows[1].map((c) => c.text)).toEqual(['甲', '3']);
    expect(t.rows[0][0].rowSpan).toBe(3);
  });

  it('nested layout tables are read as paragraphs; the data table inside them stays a table', () => {
    const html = page(`<table width=1000 border=0><tr><td><img src=banner.jpg></td></tr></table>
<table width=1000><tr><td width=200><div>信息公开目录</div><ul><li><a href=/a>机构职能</a></li><li><a href=/b>财政预决算</a></li><li><a href=/c>规划计划</a></li></ul></td>
<td><table><tr><td><strong>2023年度某县科协部门整体支出绩效自评报告</strong></td></tr>
<tr><td><p>一、部门基本情况</p><p>我单位共有编制7人。</p><table border=1><tr><td>项目</td><td>金额</td></tr><tr><td>基本支出</td><td>89.82</td></tr></table></td></tr></table></td></tr></table>`);
    const r = read(html);
    expect(r.text).toBe('2023年度某县科协部门整体支出绩效自评报告\n一、部门基本情况\n我单位共有编制7人。\n项目\t金额\n基本支出\t89.82\n');
    expect(r.tables).toHaveLength(1);
    expect(r.tables![0].rows.map((row) => row.map((c) => c.text))).toEqual([['项目', '金额'], ['基本支出', '89.82']]);
    expect(r.messages?.find((m) => m.ruleId === 'read:html-layout')?.reason).toMatch(/^3 layout table\(s\)/);
  });

  it('a cell holding a long text or a heading makes its table a layout table; a data table with long cells stays one', () => {
    const long = '我单位认真组织自评工作，'.repeat(140);
    expect(read(page(`<table><tr><td><a href=/>首页</a></td><td>${long}</td></tr></table>`)).tables).toHaveLength(0);
    expect(read(page('<table><tr><td>侧栏</td><td><h1>标题</h1><p>正文</p></td></tr></table>')).text).toBe('侧栏\n标题\n正文\n');
    const goal = '围绕县委、县政府中心工作，积极履行职责，开展科普活动提高全民科学素质服务。'.repeat(8);
    const data = read(page(`<table><tr><td>年度总体目标</td><td><p>${goal}</p><p>${goal}</p></td></tr><tr><td>得分</td><td>91</td></tr></table>`));
    expect(data.tables).toHaveLength(1);
  });

  it('text inside a row but outside its cells comes before the table, as browsers show it', () => {
    expect(text(page('<table><tr>说明<td>甲</td><td>乙</td></tr><tr><td>1</td><td>2</td></tr></table>'))).toBe('说明\n甲\t乙\n1\t2\n');
  });

  it('pathological pages end in time and without running out of stack', () => {
    const deep = page('<div>'.repeat(100_000) + '正文' + '</div>'.repeat(100_000));
    expect(text(deep)).toBe('正文\n');
    const cells = page('<table><tr><td>'.repeat(5_000) + '字');
    expect(() => read(cells)).not.toThrow(RangeError);
    const pager = page('<p>上一页 ' + '1 '.repeat(20_000) + '下一页 x</p>');
    expect(text(pager)).toMatch(/^上一页 1 1/);
  });

  it('a table of links (a menu laid out as a table) and a 信息公开 record table are left out', () => {
    const r = read(page(`<table><tr><td><a href=/>首页</a></td><td><a href=/zw>政务公开</a></td><td><a href=/bs>办事服务</a></td></tr></table>
<table><tr><td>索引号：</td><td>0000/2024-001</td><td>主题分类：</td><td>财政</td></tr><tr><td>发布机构：</td><td>某县科学技术协会</td><td>生成日期：</td><td>2024-05-13</td></tr></table>
<p>正文。</p>`));
    expect(r.text).toBe('正文。\n');
    expect(r.tables).toHaveLength(0);
  });
});

describe('HTML: portal chrome', () => {
  it('menus, breadcrumbs, info and tool lines, previous/next links and pagination are left out', () => {
    const html = page(`<div class="top"><a href=/>首页</a> | <a href=/zwgk>政务公开</a> | <a href=/hd>互动交流</a></div>
<nav><a href=/>不会出现</a></nav>
<div>当前位置：<a href=/>首页</a> &gt; <a href=/x>信息公开</a> &gt; 正文</div>
<div><a href=/>首页</a> &gt; <a href=/zwgk>政务公开</a> &gt; <a href=/czzj>财政资金</a></div>
<h1>2023年度某县科协部门整体支出绩效自评报告</h1>
<div>发布时间：2024-05-13 10:20 来源：某县科协 浏览次数：123</div>
<div>信息来源：县科协</div>
<p>2023年度某县科协部门整体支出绩效自评报告</p>
<p>一、部门基本情况</p>
<p>【字体：<a href=#>大</a> <a href=#>中</a> <a href=#>小</a>】 【<a href="javascript:print()">打印本页</a>】【<a href="javascript:close()">关闭窗口</a>】</p>
<p>上一篇：<a href=a.html>2022年度某县科协部门整体支出绩效自评报告</a></p>
<p>下一篇：<a href=b.html>2024年度某县科协部门预算公开</a></p>
<ul class="list"><li><a href=1.html>2022年部门决算公开</a><span>2023-09-01</span></li><li><a href=2.html>2022年部门预算公开</a> [2022-03-01]</li></ul>
<div>共 25 条 第 1/3 页 <a href=#>首页</a> <a href=#>上一页</a> <a href=#>下一页</a> <a href=#>尾页</a></div>`, '<title>2023年度某县科协部门整体支出绩效自评报告-某县人民政府</title>');
    const r = read(html);
    expect(r.text).toBe('2023年度某县科协部门整体支出绩效自评报告\n一、部门基本情况\n');
    expect(r.messages?.find((m) => m.ruleId === 'read:html-chrome')?.reason).toMatch(/breadcrumbs.*article info.*tool lines|menu/);
  });

  it('a menu bar with items that are no links (无障碍, 长者模式, English) goes; a line of a few links in a sentence stays', () => {
    const html = page(`<div class="top"><a href=/>首页</a> <a href=/zw>政务公开</a> <a href=/fw>政务服务</a> <a href=/hd>互动交流</a> 无障碍 长者模式 English</div>
<h1>2023年度某县科协部门整体支出绩效自评报告</h1>
<p>一、部门基本情况</p>
<p>详见 <a href=a.pdf>附件1</a> <a href=b.pdf>附件2</a> 及 <a href=c.pdf>附件3</a></p>
<p>县科协 县科技馆 县老科协 县青少年科技中心</p>
<p><a href=a.pdf>附件1</a> 科普活动 经费 明细表</p>`);
    expect(lines(html)).toEqual([
      '2023年度某县科协部门整体支出绩效自评报告',
      '一、部门基本情况',
      '详见 附件1 附件2 及 附件3',
      '县科协 县科技馆 县老科协 县青少年科技中心',
      '附件1 科普活动 经费 明细表',
    ]);
  });

  it('the site footer: a run of 主办/地址/电话 lines with a sure footer line (版权所有, ICP备, 网站标识码) goes', () => {
    const html = page(`<p>本单位将自评结果在政府门户网站公开。</p><p>某县科学技术协会</p><p>2024年5月13日</p>
<table width=1000><tr><td align=center>主办单位：某县科学技术协会&nbsp;&nbsp;承办：某县科技馆<br>地址：某县某路88号 邮编：000000 联系电话：0000-0000000<br>
版权所有：某县人民政府 <a href="https://beian.miit.gov.cn/">某ICP备00000000号</a> 网站标识码：0000000000<br><a href=http://www.beian.gov.cn/>某公网安备00000000000000号</a></td></tr></table>`);
    expect(text(html)).toBe('本单位将自评结果在政府门户网站公开。\n某县科学技术协会\n2024年5月13日\n');
  });

  it('negatives: report lines that look like chrome are kept', () => {
    const html = page(`<p>填报日期：2024年5月13日</p><p>日期：2024年5月13日</p>
<p>项目名称：科普经费 资金来源：县财政 实施时间：2023年</p>
<p>详见<a href="fj.pdf">附件1</a>所列项目。</p>
<p>主办单位：县科协，承办单位：县科技馆，全年举办讲座12场。</p>
<p>联系电话：0000-1234567</p>
<p>一、部门基本情况</p><p>一、部门基本情况</p>`);
    expect(lines(html)).toEqual([
      '填报日期：2024年5月13日',
      '日期：2024年5月13日',
      '项目名称：科普经费 资金来源：县财政 实施时间：2023年',
      '详见附件1所列项目。',
      '主办单位：县科协，承办单位：县科技馆，全年举办讲座12场。',
      '联系电话：0000-1234567',
      '一、部门基本情况',
      '一、部门基本情况', // a line said twice is dropped only when it is the page's <title>
    ]);
    expect(lines(page('<h1>2023年度自评报告</h1><p>2023年度 自评报告</p><p>正文</p>', '<title>2023年度自评报告_某县人民政府</title>'))).toEqual(['2023年度自评报告', '正文']);
  });

  it("a class named like a menu or footer on a long content block does not lose it", () => {
    const body = '<p>' + '我单位对2023年部门整体支出进行了绩效自评，现将自评情况报告如下。'.repeat(20) + '</p>';
    expect(text(page(`<div class="footer-wrap content">${body}</div>`)).length).toBeGreaterThan(600);
    expect(text(page(`<div class="footer"><p>主办单位：某县人民政府</p></div><p>正文。</p>`))).toBe('正文。\n');
  });

  // read as plain text, these lines gave title 上一篇：2022年度…报告, fiscalYear 2022, unitName and phone from the footer
  it("the footer's 主办单位 (a 科协) and the previous/next links' report titles give no values", async () => {
    const report = `<p>一、部门基本情况</p><p>我单位共有编制7人，年末实有在职人员7人。</p><p>二、一般公共预算支出情况</p><p>2023年基本支出89.82万元。</p>`;
    const html = page(`<div class="wz">您现在的位置：<a href=/>首页</a></div>${report}
<p>上一篇：<a href=a.html>2022年度某某县科学技术协会部门整体支出绩效自评报告</a></p>
<div>主办单位：某某县科学技术协会 联系电话：0000-0000000</div><div>版权所有 某某县科学技术协会 某ICP备00000000号</div>`);
    const { record } = await extractBytes('page.html', Buffer.from(html));
    expect(record.meta.unitName).toBeNull();
    expect(record.meta.title).toBeNull();
    expect(record.meta.phone).toBeNull();
    expect(record.meta.fiscalYear).not.toBe(2022); // the previous report's year
    expect(record.staffing.authorized).toBe(7);
    expect(record.finance.basic.actual).toBe(898200);
  });
});

describe('HTML: a 决算公开 page', () => {
  it('its statement tables (merged header cells, 合计 over 项目+行次) are read like Word tables, with the cell as evidence', async () => {
    const html = page(`<div class="nav"><a href="/">首页</a> | <a href="/zwgk">政务公开</a></div>
<h1>某县科学技术协会2023年度部门决算公开</h1><p>本部门2023年度收入、支出决算情况见下表。</p>
<p><b>收入支出决算总表</b></p><p style="text-align:right">单位：元</p>
<table border="1"><tr><td colspan="3">收入</td><td colspan="3">支出</td></tr>
<tr><td>项目</td><td>行次</td><td>金额</td><td>项目</td><td>行次</td><td>金额</td></tr>
<tr><td colspan="2">本年收入合计</td><td>2,980,000.00</td><td colspan="2">本年支出合计</td><td>3,010,000.00</td></tr>
<tr><td colspan="2">总计</td><td>3,120,000.00</td><td colspan="2">总计</td><td>3,120,000.00</td></tr></table>
<p><b>支出决算表</b></p><p style="text-align:right">单位：元</p>
<table border="1"><tr><td rowspan="2">项目</td><td rowspan="2">本年支出合计</td><td colspan="2">基本支出</td><td rowspan="2">项目支出</td></tr>
<tr><td>人员经费</td><td>公用经费</td></tr>
<tr><td>合计</td><td>3,010,000.00</td><td>1,500,000.00</td><td>500,000.00</td><td>1,010,000.00</td></tr></table>
<div class="footer">主办单位：某县人民政府办公室 版权所有 某ICP备00000000号</div>`);
    const { record } = await extractBytes('jsgk.html', Buffer.from(html));
    expect(record.meta.reportKind).toBe('final_accounts');
    expect(record.finance).toMatchObject({
      incomeTotal: 2980000, incomeGrandTotal: 3120000, spendingGrandTotal: 3120000,
      spendingTotal: { actual: 3010000 }, basic: { personnel: 1500000, publicUse: 500000 }, project: { actual: 1010000 },
    });
    expect(record.evidence['/finance/project/actual'].text).toBe('1,010,000.00');
    expect(record.warnings).toEqual([]);
  });
});

describe('HTML: a statement whose title and unit are rows of its own table', () => {
  it('the rows merged across the table give its caption and unit (not the part heading above it) and are no rows of it', async () => {
    const html = page(`<h1>某县科学技术协会2023年度部门决算</h1><p>第二部分 2023年度部门决算表</p>
<table border="1"><tr><td colspan="6">收入支出决算总表</td></tr>
<tr><td colspan="4">部门：某县科学技术协会</td><td colspan="2">单位：万元</td></tr>
<tr><td colspan="3">收入</td><td colspan="3">支出</td></tr>
<tr><td>项目</td><td>行次</td><td>金额</td><td>项目</td><td>行次</td><td>金额</td></tr>
<tr><td>本年收入合计</td><td>26</td><td>186.40</td><td>本年支出合计</td><td>56</td><td>180.25</td></tr>
<tr><td>总计</td><td>30</td><td>189.60</td><td>总计</td><td>60</td><td>189.60</td></tr></table>
<table border="1"><tr><td colspan="3">“三公”经费支出决算表（单位：万元）</td></tr>
<tr><td>项目</td><td>预算数</td><td>决算数</td></tr><tr><td>合计</td><td>2.00</td><td>1.56</td></tr></table>`);
    const { record, doc } = await extractBytes('jsgk.html', Buffer.from(html));
    expect(doc.tables.map((t) => t.caption)).toEqual(['收入支出决算总表', '“三公”经费支出决算表']);
    expect(record.finance).toMatchObject({ incomeTotal: 1864000, incomeGrandTotal: 1896000, spendingTotal: { actual: 1802500 }, threePublic: { budget: 20000, actual: 15600 } });
    expect(record.evidence['/finance/incomeTotal'].text).toBe('186.40');
  });

  it('negative: a first row that names no table (收入 | 支出) stays a row, the caption above is kept', async () => {
    const html = page(`<h1>某县科学技术协会2023年度部门决算</h1><p>收入支出决算总表</p><p>单位：万元</p>
<table border="1"><tr><td colspan="3">收入</td><td colspan="3">支出</td></tr>
<tr><td>项目</td><td>行次</td><td>金额</td><td>项目</td><td>行次</td><td>金额</td></tr>
<tr><td>本年收入合计</td><td>26</td><td>186.40</td><td>本年支出合计</td><td>56</td><td>180.25</td></tr>
<tr><td>总计</td><td>30</td><td>189.60</td><td>总计</td><td>60</td><td>189.60</td></tr></table>`);
    const { record, doc } = await extractBytes('jsgk.html', Buffer.from(html));
    expect(doc.tables[0].caption).toBe('收入支出决算总表');
    expect(doc.tables[0].rows).toHaveLength(4);
    expect(record.finance.incomeTotal).toBe(1864000);
  });
});

describe('HTML: pages that are not reports', () => {
  it('a 404 page gives a record of nulls with a not_a_report warning, like a text file', async () => {
    const html = page('<div class="err"><h1>404</h1><p>抱歉，您访问的页面不存在或已被删除！</p><p><a href="/">返回首页</a></p></div>', '<meta charset="utf-8"><title>404 Not Found</title>');
    const { record } = await extractBytes('missing.html', Buffer.from(html));
    expect(record.source.format).toBe('html');
    expect(record.meta.title).toBeNull();
    expect(record.finance.spendingTotal.actual).toBeNull();
    expect(record.warnings.map((w) => w.code)).toContain('not_a_report');
  });

  it('a list of links (a column page), or a page of scripts only, has no text: a clear no_text error', async () => {
    const list = page(`<ul class="menu"><li><a href=/>首页</a></li><li><a href=/zw>政务公开</a></li></ul>
<div>当前位置：<a href=/>首页</a> &gt; <a href=/czzj>财政资金</a></div>
<ul><li><a href=1.html>2023年度某县科协部门整体支出绩效自评报告</a><span>2024-05-13</span></li><li><a href=2.html>2023年度某县科协部门决算公开</a><span>2024-08-20</span></li></ul>
<div>共2条 <a href=#>首页</a> <a href=#>上一页</a> <a href=#>下一页</a> <a href=#>尾页</a></div>
<div>版权所有：某县人民政府 某ICP备00000000号</div>`);
    const e = await readBytes(Buffer.from(list)).catch((x) => x);
    expect(e.code).toBe('no_text');
    expect(e.message).toMatch(/HTML page has no text/);
    expect(e.message).not.toContain('\n');
    await expect(readBytes(Buffer.from('<html><head><script>location.href="/x"</script></head><body></body></html>'))).rejects.toMatchObject({ code: 'no_text', message: expect.stringMatching(/loaded by its 1 script/) });
    const frames = Buffer.from('<html><frameset cols="20%,80%"><frame src="menu.html"><frame src="content.html"></frameset></html>');
    await expect(readBytes(frames)).rejects.toMatchObject({ code: 'no_text', message: expect.stringMatching(/frames: menu.html, content.html/) });
  });

  it('links to attached files are named in a message (the report may be in them)', () => {
    const r = read(page('<p>2023年度部门整体支出绩效自评报告</p><p>附件：<a href="/upload/zp.pdf">自评报告.pdf</a></p>'));
    expect(r.messages?.find((m) => m.ruleId === 'read:html-attachments')?.reason).toContain('/upload/zp.pdf');
  });
});

describe('HTML: the corpus pages', () => {
  it('seed000-portal.html reads as the seed text, but for the page title (the CMS title field, without spaces)', async () => {
    const html = await readBytes(readCorpus('seed000-portal.html'));
    const seed = (await readBytes(readCorpus('seed000.txt'))).text.split('\n').filter((l) => l.trim());
    expect(html.format).toBe('html:gb18030');
    const got = html.text.split('\n').filter(Boolean);
    expect(got[0]).toBe(seed[0].replace(/\s+/g, ''));
    expect(got.slice(1)).toEqual(seed.slice(1));
  });

  it('seed002-word.htm has the three annex tables as grids with merged cells', async () => {
    const r = await readBytes(readCorpus('seed002-word.htm'));
    expect(r.format).toBe('html:gb18030');
    expect(ids(r)).toContain('read:html-word');
    // the report is in the file twice (its own repeated copy): six tables
    expect(r.tables?.map((t) => t.caption)).toEqual(expect.arrayContaining(['2023年度部门整体支出绩效评价基础数据表', '2023年度部门整体支出绩效自评表', '2023年度项目支出绩效自评表']));
    const self = r.tables!.find((t) => t.caption === '2023年度部门整体支出绩效自评表')!;
    expect(self.rows[0][1]).toMatchObject({ text: '衡山县科学技术协会', colSpan: 8 });
    expect(self.rows.find((row) => row[0].text === '绩效指标' && !row[0].merged)?.[0].rowSpan).toBe(10);
    for (const t of r.tables!) for (const c of t.rows.flat()) expect(r.text.slice(c.start, c.end)).toBe(c.text);
  });
});

describe('HTML: a cell holding prose (a report typed into a form)', () => {
  const REPORT = [
    '一、项目基本情况',
    '2023年县财政安排科普惠民工程项目预算资金50万元，年中追加10万元，调整后预算60万元，全年实际支出58.5万元，预算执行率97.5%。',
    '二、自评结论',
    '经综合评价，该项目自评得分96分，绩效等级为优。',
    '三、存在的问题',
    '1.宣传形式较为单一。',
    '2.基层科普力量薄弱。',
  ];
  const ps = (xs: string[]) => xs.map((x) => `<p>${x}</p>`).join('');

  it('its paragraphs are lines after the row, out of the table; the rows after it are a table of their own', () => {
    const r = read(
      page(
        `<p>2023年度项目支出绩效自评报告</p><table><tr><td>项目名称</td><td>科普惠民工程</td><td>实施单位</td><td>某县科学技术协会</td></tr>` +
          `<tr><td>自评报告</td><td colspan="3">${ps(REPORT)}</td></tr><tr><td>填表人：张三</td><td>联系电话：13812345678</td><td>填报日期：2024年3月15日</td><td></td></tr></table>`,
      ),
    );
    expect(r.text.split('\n').filter(Boolean)).toEqual([
      '2023年度项目支出绩效自评报告',
      '项目名称\t科普惠民工程\t实施单位\t某县科学技术协会',
      '自评报告',
      ...REPORT,
      '填表人：张三\t联系电话：13812345678\t填报日期：2024年3月15日\t',
    ]);
    expect(r.tables!.map((t) => t.rows.length)).toEqual([2, 1]);
    for (const t of r.tables!) for (const row of t.rows) for (const c of row) expect(r.text.slice(c.start, c.end)).toBe(c.text);
  });

  it('negative: a goals row (two long cells under 预期目标 | 实际完成情况) stays one row of cells', () => {
    const goal = ['1.开展科普活动30场，受益群众1万人次；', '2.发放科普资料5000份，举办培训班4期，培训农民300人次；', '3.组织青少年科技创新大赛1次，参赛学生200人。'];
    const r = read(page(`<table><tr><td>年度总体目标</td><td>预期目标</td><td>实际完成情况</td></tr><tr><td></td><td>${ps(goal)}</td><td>${ps(goal)}</td></tr></table>`));
    expect(r.text).toBe(`年度总体目标\t预期目标\t实际完成情况\n\t${goal.join('')}\t${goal.join('')}\n`);
    expect(r.tables).toHaveLength(1);
  });
});
