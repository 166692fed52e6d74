/**
 * DrawingML for the native charts exceljs cannot write: a clustered column or a line chart of
 * series over categories (ECMA-376 part 1, 21.2), and the drawing that anchors it over cells.
 */
import { parseAddress } from '../core/workbook/address.js';
import type { ChartSpec } from '../core/workbook/port.js';
import { escapeXml } from './xml-text.js';

const C_NS = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const A_NS = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XDR_NS = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';

/** Values already known for a range (the owned sheets' numbers and cached results), for the chart's caches. */
export type RangeValues = (range: string) => readonly (string | number | null)[] | undefined;

/** Office's default palette, accent 1 to 6, so series keep their colours in every viewer. */
const PALETTE = ['4472C4', 'ED7D31', 'A5A5A5', 'FFC000', '5B9BD5', '70AD47'];

function strCache(values: readonly (string | number | null)[] | undefined): string {
  if (values === undefined) return '';
  const pts = values.map((v, i) => `<c:pt idx="${i}"><c:v>${escapeXml(v === null ? '' : String(v))}</c:v></c:pt>`).join('');
  return `<c:strCache><c:ptCount val="${values.length}"/>${pts}</c:strCache>`;
}

function numCache(values: readonly (string | number | null)[] | undefined): string {
  if (values === undefined) return '';
  const pts = values
    .map((v, i) => (typeof v === 'number' && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : ''))
    .join('');
  return `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache>`;
}

function richTitle(text: string, size: number): string {
  return `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="1"/></a:pPr><a:r><a:rPr lang="en-US" sz="${size}" b="1"/><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
}

function seriesXml(spec: ChartSpec, index: number, values: RangeValues): string {
  const s = spec.series[index];
  if (s === undefined) return '';
  const colour = PALETTE[index % PALETTE.length] ?? '4472C4';
  const look =
    spec.kind === 'column'
      ? `<c:spPr><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>`
      : `<c:spPr><a:ln w="28575" cap="rnd"><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill><a:round/></a:ln></c:spPr><c:marker><c:symbol val="circle"/><c:size val="5"/></c:marker>`;
  return (
    `<c:ser><c:idx val="${index}"/><c:order val="${index}"/>` +
    `<c:tx><c:v>${escapeXml(s.name)}</c:v></c:tx>${look}` +
    `<c:cat><c:strRef><c:f>${escapeXml(spec.categories)}</c:f>${strCache(values(spec.categories))}</c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${escapeXml(s.values)}</c:f>${numCache(values(s.values))}</c:numRef></c:val>` +
    (spec.kind === 'line' ? '<c:smooth val="0"/>' : '') +
    '</c:ser>'
  );
}

/** The chart part (`xl/charts/chartN.xml`). */
export function chartXml(spec: ChartSpec, values: RangeValues = () => undefined): string {
  if (spec.series.length === 0) throw new Error(`Chart "${spec.title}" has no series.`);
  const series = spec.series.map((_s, i) => seriesXml(spec, i, values)).join('');
  const axes = '<c:axId val="500000001"/><c:axId val="500000002"/>';
  const plot =
    spec.kind === 'column'
      ? `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="150"/>${axes}</c:barChart>`
      : `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/>${axes}</c:lineChart>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<c:chartSpace xmlns:c="${C_NS}" xmlns:a="${A_NS}" xmlns:r="${R_NS}">` +
    '<c:roundedCorners val="0"/>' +
    `<c:chart>${richTitle(spec.title, 1400)}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}` +
    '<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/><c:crossAx val="500000002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>' +
    '<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="#,##0" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="500000001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>' +
    '</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>' +
    '</c:chartSpace>'
  );
}

function marker(tag: 'from' | 'to', cell: string): string {
  const ref = parseAddress(cell);
  if (ref === undefined) throw new Error(`Chart anchor "${cell}" is not a cell address such as N2.`);
  return `<xdr:${tag}><xdr:col>${ref.col - 1}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${ref.row - 1}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
}

/** The drawing part holding one graphic frame per chart; chart i is relationship `rId{i+1}`. */
export function drawingXml(specs: readonly ChartSpec[]): string {
  const anchors = specs
    .map(
      (spec, i) =>
        `<xdr:twoCellAnchor editAs="oneCell">${marker('from', spec.from)}${marker('to', spec.to)}` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeXml(`Chart ${i + 1}`)}" descr="${escapeXml(spec.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
        `<a:graphic><a:graphicData uri="${C_NS}"><c:chart xmlns:c="${C_NS}" r:id="rId${i + 1}"/></a:graphicData></a:graphic>` +
        '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>',
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${XDR_NS}" xmlns:a="${A_NS}" xmlns:r="${R_NS}">${anchors}</xdr:wsDr>`;
}
