// Inline client scripts. They only read data-* attributes and set textContent: no markup from data.

export const DOC_JS = `(function(){
"use strict";
var text=document.getElementById("text"),tip=document.getElementById("tip"),panel=document.getElementById("panel"),
    selBox=document.getElementById("selected");
var reduce=window.matchMedia&&window.matchMedia("(prefers-reduced-motion: reduce)").matches;
function chain(el){var out=[];while(el&&el!==text){if(el.classList&&el.classList.contains("ev"))out.push(el);el=el.parentElement;}return out;}
function fragments(ev){return text.querySelectorAll('mark.ev[data-ev="'+ev+'"]');}
function line(parent,cls,label,value){if(!value)return;var d=document.createElement("div");if(cls)d.className=cls;
  if(label){var b=document.createElement("span");b.className="muted";b.textContent=label+" ";d.appendChild(b);}
  var v=document.createElement(cls==="path"||cls==="rule"?"code":"span");v.textContent=value;d.appendChild(v);parent.appendChild(d);}
function describe(parent,m){var item=document.createElement("div");item.className="item g-"+m.dataset.g;
  var l=document.createElement("div");l.className="label";l.textContent=m.dataset.label;item.appendChild(l);
  line(item,"","值",m.dataset.value);line(item,"path","字段",m.dataset.path);line(item,"rule","规则",m.dataset.rule);
  line(item,"","页",m.dataset.page);line(item,"","原文",m.dataset.text);
  if(m.dataset.warn)line(item,"warnline","⚠",m.dataset.warn);
  if(m.dataset.mismatch)line(item,"warnline","⚠","evidence.text 与原文切片不一致："+m.dataset.mismatch);
  parent.appendChild(item);}
function first(m){return document.getElementById("ev-"+m.dataset.ev)||m;}
function showTip(marks,x,y){tip.textContent="";marks.forEach(function(m){describe(tip,first(m));});tip.hidden=false;place(x,y);}
function place(x,y){var w=tip.offsetWidth,h=tip.offsetHeight,vw=window.innerWidth,vh=window.innerHeight;
  var left=Math.min(x+14,vw-w-8),top=y+18;if(top+h>vh-8)top=Math.max(8,y-h-12);tip.style.left=Math.max(8,left)+"px";tip.style.top=top+"px";}
function hideTip(){tip.hidden=true;}
text.addEventListener("mouseover",function(e){var c=chain(e.target);if(c.length)showTip(c,e.clientX,e.clientY);else hideTip();});
text.addEventListener("mousemove",function(e){if(!tip.hidden)place(e.clientX,e.clientY);});
text.addEventListener("mouseleave",hideTip);
text.addEventListener("focusin",function(e){var c=chain(e.target);if(!c.length)return;var r=e.target.getBoundingClientRect();showTip(c,r.left,r.bottom-10);});
text.addEventListener("focusout",hideTip);
function clearSel(){document.querySelectorAll(".sel").forEach(function(n){n.classList.remove("sel");});}
function select(ev,fromText){clearSel();var frs=fragments(ev);frs.forEach(function(n){n.classList.add("sel");});
  var m=document.getElementById("ev-"+ev);if(!m)return;
  selBox.textContent="";selBox.className="selected g-"+m.dataset.g;
  var x=document.createElement("button");x.className="close";x.type="button";x.textContent="×";x.setAttribute("aria-label","close");
  x.addEventListener("click",function(){selBox.hidden=true;clearSel();});selBox.appendChild(x);
  var h=document.createElement("strong");h.textContent="选中的片段";selBox.appendChild(h);describe(selBox,m);selBox.hidden=false;
  var row=panel.querySelector('tr.field[data-ev="'+ev+'"]');
  if(row){row.classList.add("sel");if(fromText)panel.scrollTop=Math.max(0,row.offsetTop-panel.clientHeight/3);}
  else if(fromText)panel.scrollTop=0;}
text.addEventListener("click",function(e){var c=chain(e.target);if(!c.length)return;select(c[0].dataset.ev,true);});
text.addEventListener("keydown",function(e){if(e.key!=="Enter")return;var c=chain(e.target);if(c.length)select(c[0].dataset.ev,true);});
function flash(nodes){nodes.forEach(function(n){n.classList.remove("flash");void n.offsetWidth;n.classList.add("flash");});
  setTimeout(function(){nodes.forEach(function(n){n.classList.remove("flash");});},2600);}
document.addEventListener("click",function(e){var a=e.target.closest&&e.target.closest("a.jump");if(!a)return;
  var id=decodeURIComponent(a.getAttribute("href").slice(1)),el=document.getElementById(id);if(!el)return;
  e.preventDefault();el.scrollIntoView({block:"center",behavior:reduce?"auto":"smooth"});
  if(history.replaceState)history.replaceState(null,"","#"+id);
  if(el.dataset.ev!==undefined){select(el.dataset.ev,false);flash(Array.prototype.slice.call(fragments(el.dataset.ev)));}
  else flash([el]);});
document.querySelectorAll("input[data-group]").forEach(function(i){i.addEventListener("change",function(){
  document.body.classList.toggle("hide-"+i.dataset.group,!i.checked);});});
var nf=document.getElementById("toggle-nf");
if(nf)nf.addEventListener("change",function(){document.body.classList.toggle("hide-nf",nf.checked);});
})();`;

export const INDEX_JS = `(function(){
"use strict";
document.querySelectorAll("table.sortable").forEach(function(table){
  var heads=table.querySelectorAll("thead th");
  heads.forEach(function(th,col){var b=th.querySelector("button");if(!b)return;
    b.addEventListener("click",function(){
      var dir=th.getAttribute("aria-sort")==="ascending"?"descending":"ascending";
      heads.forEach(function(h){h.removeAttribute("aria-sort");});th.setAttribute("aria-sort",dir);
      var num=th.dataset.type==="num",body=table.tBodies[0],rows=Array.prototype.slice.call(body.rows);
      function key(r){var c=r.cells[col],v=c?(c.dataset.v!==undefined?c.dataset.v:c.textContent):"";return v;}
      rows.sort(function(a,b){var x=key(a),y=key(b),r;
        if(num){var nx=x===""?NaN:Number(x),ny=y===""?NaN:Number(y);
          if(isNaN(nx)&&isNaN(ny))r=0;else if(isNaN(nx))return 1;else if(isNaN(ny))return -1;else r=nx-ny;}
        else r=x.localeCompare(y,"zh-CN");
        return dir==="ascending"?r:-r;});
      rows.forEach(function(r){body.appendChild(r);});});});});
})();`;
