import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { namesForTitle } from '../format';
import { officialDocument, paragraph, TYPE_AREA_WIDTH } from '../layout';
import type { AppointmentNoticeData } from '../types';

/** 版记: 抄送 between two thin rules, at the end of the notice. */
function copyToBlock(copyTo: string[]): Content[] {
  const rule: Content = {
    canvas: [{ type: 'line', x1: 0, y1: 0, x2: TYPE_AREA_WIDTH, y2: 0, lineWidth: 0.6 }],
  };
  return [
    {
      stack: [rule, { text: `抄送：${copyTo.join('，')}。`, style: 'body', margin: [14, 4, 14, 4] }, rule],
      margin: [0, 24, 0, 0],
      unbreakable: true,
    },
  ];
}

/** 任免通知: 任命…为…；免去…的…职务。 under a red header. */
export function appointmentNoticeDefinition(data: AppointmentNoticeData): TDocumentDefinitions {
  const lines: Content[] = data.items.map((item) => {
    const parts: string[] = [];
    if (item.appoint && item.appoint.length > 0) {
      parts.push(`任命${item.name}同志为${item.appoint.join('、')}`);
    }
    if (item.remove && item.remove.length > 0) {
      parts.push(`免去${item.name}同志的${item.remove.join('、')}职务`);
    }
    return paragraph(`${parts.join('，')}。`);
  });
  return officialDocument({
    meta: data.meta,
    kind: '任免通知',
    title: data.title ?? `关于${namesForTitle(data.items.map((i) => i.name))}任免职务的通知`,
    withRedHeader: true,
    addressees: data.addressees,
    body: [paragraph(`${data.decisionBasis}：`), ...lines, ...(data.remarks ?? []).map((r) => paragraph(r))],
    after: data.copyTo && data.copyTo.length > 0 ? copyToBlock(data.copyTo) : [],
  });
}
