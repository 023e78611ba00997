// @ts-nocheck
// Generated from schemas/kset.schema.json by scripts/gen-config.mjs (ajv standalone code).
// Do not edit: change the schema, then run `npm run gen:config` (src/config/schema.test.ts checks that this file is current).
"use strict";
export const validateKset = validate10;
const schema11 = {"$schema":"http://json-schema.org/draft-07/schema#","title":"kset configuration","description":"Configuration of kset, the offline Kubernetes manifest transformer (.ksetrc, kset.config.yaml, package.json#kset, or a file given with --config). The keys mean what they mean in a kustomization.yaml. A kustomization.yaml itself is checked against #/definitions/kustomization.","type":"object","properties":{"$schema":{"type":"string"},"apiVersion":{"description":"kset.dev/v1, in a Kset object (what kset fn, kpt and kustomize take); its other fields are the config's keys.","const":"kset.dev/v1"},"kind":{"description":"Kset, in a Kset object.","const":"Kset"},"metadata":{"description":"A Kset object's metadata (name, annotations such as config.kubernetes.io/function); kset does not read it.","type":"object"},"images":{"$ref":"#/definitions/images"},"imageTags":{"$ref":"#/definitions/images"},"patches":{"$ref":"#/definitions/patches"},"patchesStrategicMerge":{"$ref":"#/definitions/patchesStrategicMerge"},"patchesJson6902":{"$ref":"#/definitions/patchesJson6902"},"imageFields":{"$ref":"#/definitions/imageFields"},"imagePolicies":{"$ref":"#/definitions/imagePolicies"},"crds":{"$ref":"#/definitions/crds"}},"additionalProperties":false,"definitions":{"images":{"description":"Image substitutions, applied in order after the patches (kustomize `images:`).","type":"array","items":{"$ref":"#/definitions/image"}},"image":{"type":"object","properties":{"name":{"description":"Repository to match (registry host and port included), without tag or digest. Without a name (accepted, as in kustomize) an entry matches only images that are a bare tag or digest.","type":"string"},"newName":{"description":"Replacement repository.","type":"string"},"newTag":{"description":"Replacement tag; drops a digest. Quote numeric tags: newTag: \"1.20\".","type":"string"},"digest":{"description":"Replacement digest (sha256:...); drops a tag unless newTag is set.","type":"string"},"tagSuffix":{"description":"Appended to the tag.","type":"string"}},"additionalProperties":false},"target":{"description":"Which resources a patch applies to. group, version, kind, name and namespace are anchored regular expressions; the selectors use Kubernetes label-selector syntax.","type":"object","properties":{"group":{"type":"string"},"version":{"type":"string"},"kind":{"type":"string"},"name":{"type":"string"},"namespace":{"type":"string"},"labelSelector":{"type":"string"},"annotationSelector":{"type":"string"}},"additionalProperties":false},"patchOptions":{"type":"object","properties":{"allowNameChange":{"type":"boolean"},"allowKindChange":{"type":"boolean"}},"additionalProperties":false},"patch":{"description":"A strategic merge patch or a JSON 6902 patch (a list of operations), inline (patch) or in a file (path, relative to the config file).","type":"object","properties":{"patch":{"type":"string"},"path":{"type":"string","minLength":1},"target":{"$ref":"#/definitions/target"},"options":{"$ref":"#/definitions/patchOptions"}},"additionalProperties":false,"oneOf":[{"required":["patch"]},{"required":["path"]}]},"patches":{"description":"Patches, applied in order (kustomize `patches:`).","type":"array","items":{"$ref":"#/definitions/patch"}},"patchesStrategicMerge":{"description":"Strategic merge patches, each a file path or inline patch text (kustomize's older `patchesStrategicMerge:`).","type":"array","items":{"type":"string","minLength":1}},"json6902Patch":{"type":"object","properties":{"patch":{"type":"string"},"path":{"type":"string","minLength":1},"target":{"description":"kustomize requires the target's name here.","allOf":[{"$ref":"#/definitions/target"},{"type":"object","required":["name"],"properties":{"name":{"type":"string","minLength":1}}}]},"options":{"$ref":"#/definitions/patchOptions"}},"required":["target"],"additionalProperties":false,"oneOf":[{"required":["patch"]},{"required":["path"]}]},"patchesJson6902":{"description":"JSON 6902 patches with a target (kustomize's older `patchesJson6902:`).","type":"array","items":{"$ref":"#/definitions/json6902Patch"}},"imageFieldPath":{"description":"Dot-separated field path, `[]` after a field meaning every item of that list: spec.image, spec.steps[].image.","type":"string","pattern":"^[^.\\[\\]]+(\\[\\])?(\\.[^.\\[\\]]+(\\[\\])?)*$"},"imageField":{"type":["string","object"],"if":{"type":"string"},"then":{"$ref":"#/definitions/imageFieldPath"},"else":{"properties":{"path":{"$ref":"#/definitions/imageFieldPath"},"kind":{"description":"Only resources of this kind.","type":"string"},"group":{"description":"Only resources of this API group.","type":"string"}},"required":["path"],"additionalProperties":false}},"imageFields":{"description":"More fields holding images, for custom resources: `spec.image` or {path, kind, group}.","type":"array","items":{"$ref":"#/definitions/imageField"}},"imagePolicies":{"description":"Flux image policies: every field marked `# {\"$imagepolicy\": \"NAMESPACE:POLICY\"}` (or `:tag`, `:name`, `:digest`) gets this image, or that part of it, in any YAML file. Applied first, before patches and images.","type":"array","items":{"$ref":"#/definitions/imagePolicy"}},"imagePolicy":{"type":"object","properties":{"policy":{"description":"The policy as markers name it: NAMESPACE:NAME (e.g. flux-system:app).","type":"string","pattern":"^[^:\\s=]+:[^:\\s=]+$"},"image":{"description":"The image the policy selected: NAME:TAG or NAME:TAG@DIGEST (e.g. ghcr.io/acme/app:1.2.0).","type":"string","minLength":1}},"required":["policy","image"],"additionalProperties":false},"crds":{"description":"CustomResourceDefinition files whose list-map-keys make custom-resource lists merge by key.","type":"array","items":{"type":"string","minLength":1}},"kustomization":{"description":"A kustomization.yaml used as kset's config: kset reads the keys above and ignores kustomize's other keys; keys kustomize does not know are errors.","type":"object","properties":{"$schema":{"type":"string"},"images":{"$ref":"#/definitions/images"},"imageTags":{"$ref":"#/definitions/images"},"patches":{"$ref":"#/definitions/patches"},"patchesStrategicMerge":{"$ref":"#/definitions/patchesStrategicMerge"},"patchesJson6902":{"$ref":"#/definitions/patchesJson6902"},"imageFields":{"$ref":"#/definitions/imageFields"},"imagePolicies":{"$ref":"#/definitions/imagePolicies"},"crds":{"$ref":"#/definitions/crds"},"apiVersion":true,"kind":true,"metadata":true,"openapi":true,"namePrefix":true,"nameSuffix":true,"namespace":true,"commonLabels":true,"labels":true,"commonAnnotations":true,"replacements":true,"replicas":true,"vars":true,"sortOptions":true,"resources":true,"components":true,"bases":true,"configMapGenerator":true,"secretGenerator":true,"helmGlobals":true,"helmCharts":true,"helmChartInflationGenerator":true,"generatorOptions":true,"configurations":true,"generators":true,"transformers":true,"validators":true,"inventory":true,"buildMetadata":true},"additionalProperties":false}}};
const schema18 = {"description":"Strategic merge patches, each a file path or inline patch text (kustomize's older `patchesStrategicMerge:`).","type":"array","items":{"type":"string","minLength":1}};
const schema29 = {"description":"CustomResourceDefinition files whose list-map-keys make custom-resource lists merge by key.","type":"array","items":{"type":"string","minLength":1}};
const func2 = Object.prototype.hasOwnProperty;
const schema12 = {"description":"Image substitutions, applied in order after the patches (kustomize `images:`).","type":"array","items":{"$ref":"#/definitions/image"}};
const schema13 = {"type":"object","properties":{"name":{"description":"Repository to match (registry host and port included), without tag or digest. Without a name (accepted, as in kustomize) an entry matches only images that are a bare tag or digest.","type":"string"},"newName":{"description":"Replacement repository.","type":"string"},"newTag":{"description":"Replacement tag; drops a digest. Quote numeric tags: newTag: \"1.20\".","type":"string"},"digest":{"description":"Replacement digest (sha256:...); drops a tag unless newTag is set.","type":"string"},"tagSuffix":{"description":"Appended to the tag.","type":"string"}},"additionalProperties":false};

function validate11(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(Array.isArray(data)){
var valid0 = true;
const len0 = data.length;
for(let i0=0; i0<len0; i0++){
let data0 = data[i0];
const _errs1 = errors;
const _errs2 = errors;
if(errors === _errs2){
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
const _errs4 = errors;
for(const key0 in data0){
if(!(((((key0 === "name") || (key0 === "newName")) || (key0 === "newTag")) || (key0 === "digest")) || (key0 === "tagSuffix"))){
validate11.errors = [{instancePath:instancePath+"/" + i0,schemaPath:"#/definitions/image/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema13,data:data0}];
return false;
break;
}
}
if(_errs4 === errors){
if(data0.name !== undefined){
let data1 = data0.name;
const _errs5 = errors;
if(typeof data1 !== "string"){
validate11.errors = [{instancePath:instancePath+"/" + i0+"/name",schemaPath:"#/definitions/image/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.properties.name.type,parentSchema:schema13.properties.name,data:data1}];
return false;
}
var valid2 = _errs5 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data0.newName !== undefined){
let data2 = data0.newName;
const _errs7 = errors;
if(typeof data2 !== "string"){
validate11.errors = [{instancePath:instancePath+"/" + i0+"/newName",schemaPath:"#/definitions/image/properties/newName/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.properties.newName.type,parentSchema:schema13.properties.newName,data:data2}];
return false;
}
var valid2 = _errs7 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data0.newTag !== undefined){
let data3 = data0.newTag;
const _errs9 = errors;
if(typeof data3 !== "string"){
validate11.errors = [{instancePath:instancePath+"/" + i0+"/newTag",schemaPath:"#/definitions/image/properties/newTag/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.properties.newTag.type,parentSchema:schema13.properties.newTag,data:data3}];
return false;
}
var valid2 = _errs9 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data0.digest !== undefined){
let data4 = data0.digest;
const _errs11 = errors;
if(typeof data4 !== "string"){
validate11.errors = [{instancePath:instancePath+"/" + i0+"/digest",schemaPath:"#/definitions/image/properties/digest/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.properties.digest.type,parentSchema:schema13.properties.digest,data:data4}];
return false;
}
var valid2 = _errs11 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data0.tagSuffix !== undefined){
let data5 = data0.tagSuffix;
const _errs13 = errors;
if(typeof data5 !== "string"){
validate11.errors = [{instancePath:instancePath+"/" + i0+"/tagSuffix",schemaPath:"#/definitions/image/properties/tagSuffix/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.properties.tagSuffix.type,parentSchema:schema13.properties.tagSuffix,data:data5}];
return false;
}
var valid2 = _errs13 === errors;
}
else {
var valid2 = true;
}
}
}
}
}
}
}
else {
validate11.errors = [{instancePath:instancePath+"/" + i0,schemaPath:"#/definitions/image/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema13.type,parentSchema:schema13,data:data0}];
return false;
}
}
var valid0 = _errs1 === errors;
if(!valid0){
break;
}
}
}
else {
validate11.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema12.type,parentSchema:schema12,data}];
return false;
}
}
validate11.errors = vErrors;
return errors === 0;
}

const schema14 = {"description":"Patches, applied in order (kustomize `patches:`).","type":"array","items":{"$ref":"#/definitions/patch"}};
const schema15 = {"description":"A strategic merge patch or a JSON 6902 patch (a list of operations), inline (patch) or in a file (path, relative to the config file).","type":"object","properties":{"patch":{"type":"string"},"path":{"type":"string","minLength":1},"target":{"$ref":"#/definitions/target"},"options":{"$ref":"#/definitions/patchOptions"}},"additionalProperties":false,"oneOf":[{"required":["patch"]},{"required":["path"]}]};
const schema16 = {"description":"Which resources a patch applies to. group, version, kind, name and namespace are anchored regular expressions; the selectors use Kubernetes label-selector syntax.","type":"object","properties":{"group":{"type":"string"},"version":{"type":"string"},"kind":{"type":"string"},"name":{"type":"string"},"namespace":{"type":"string"},"labelSelector":{"type":"string"},"annotationSelector":{"type":"string"}},"additionalProperties":false};
const schema17 = {"type":"object","properties":{"allowNameChange":{"type":"boolean"},"allowKindChange":{"type":"boolean"}},"additionalProperties":false};

function validate15(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
const _errs1 = errors;
let valid0 = false;
let passing0 = null;
const _errs2 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.patch === undefined) && (missing0 = "patch")){
const err0 = {instancePath,schemaPath:"#/oneOf/0/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'",schema:schema15.oneOf[0].required,parentSchema:schema15.oneOf[0],data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
var _valid0 = _errs2 === errors;
if(_valid0){
valid0 = true;
passing0 = 0;
}
const _errs3 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing1;
if((data.path === undefined) && (missing1 = "path")){
const err1 = {instancePath,schemaPath:"#/oneOf/1/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'",schema:schema15.oneOf[1].required,parentSchema:schema15.oneOf[1],data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
var _valid0 = _errs3 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid0 = true;
passing0 = 1;
}
}
if(!valid0){
const err2 = {instancePath,schemaPath:"#/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf",schema:schema15.oneOf,parentSchema:schema15,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
validate15.errors = vErrors;
return false;
}
else {
errors = _errs1;
if(vErrors !== null){
if(_errs1){
vErrors.length = _errs1;
}
else {
vErrors = null;
}
}
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
const _errs4 = errors;
for(const key0 in data){
if(!((((key0 === "patch") || (key0 === "path")) || (key0 === "target")) || (key0 === "options"))){
validate15.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema15,data}];
return false;
break;
}
}
if(_errs4 === errors){
if(data.patch !== undefined){
let data0 = data.patch;
const _errs5 = errors;
if(typeof data0 !== "string"){
validate15.errors = [{instancePath:instancePath+"/patch",schemaPath:"#/properties/patch/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema15.properties.patch.type,parentSchema:schema15.properties.patch,data:data0}];
return false;
}
var valid1 = _errs5 === errors;
}
else {
var valid1 = true;
}
if(valid1){
if(data.path !== undefined){
let data1 = data.path;
const _errs7 = errors;
if(errors === _errs7){
if(typeof data1 === "string"){
if(data1.length < 1){
validate15.errors = [{instancePath:instancePath+"/path",schemaPath:"#/properties/path/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema15.properties.path,data:data1}];
return false;
}
}
else {
validate15.errors = [{instancePath:instancePath+"/path",schemaPath:"#/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema15.properties.path.type,parentSchema:schema15.properties.path,data:data1}];
return false;
}
}
var valid1 = _errs7 === errors;
}
else {
var valid1 = true;
}
if(valid1){
if(data.target !== undefined){
let data2 = data.target;
const _errs9 = errors;
const _errs10 = errors;
if(errors === _errs10){
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
const _errs12 = errors;
for(const key1 in data2){
if(!(((((((key1 === "group") || (key1 === "version")) || (key1 === "kind")) || (key1 === "name")) || (key1 === "namespace")) || (key1 === "labelSelector")) || (key1 === "annotationSelector"))){
validate15.errors = [{instancePath:instancePath+"/target",schemaPath:"#/definitions/target/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema16,data:data2}];
return false;
break;
}
}
if(_errs12 === errors){
if(data2.group !== undefined){
let data3 = data2.group;
const _errs13 = errors;
if(typeof data3 !== "string"){
validate15.errors = [{instancePath:instancePath+"/target/group",schemaPath:"#/definitions/target/properties/group/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.group.type,parentSchema:schema16.properties.group,data:data3}];
return false;
}
var valid3 = _errs13 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data2.version !== undefined){
let data4 = data2.version;
const _errs15 = errors;
if(typeof data4 !== "string"){
validate15.errors = [{instancePath:instancePath+"/target/version",schemaPath:"#/definitions/target/properties/version/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.version.type,parentSchema:schema16.properties.version,data:data4}];
return false;
}
var valid3 = _errs15 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data2.kind !== undefined){
let data5 = data2.kind;
const _errs17 = errors;
if(typeof data5 !== "string"){
validate15.errors = [{instancePath:instancePath+"/target/kind",schemaPath:"#/definitions/target/properties/kind/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.kind.type,parentSchema:schema16.properties.kind,data:data5}];
return false;
}
var valid3 = _errs17 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data2.name !== undefined){
let data6 = data2.name;
const _errs19 = errors;
if(typeof data6 !== "string"){
validate15.errors = [{instancePath:instancePath+"/target/name",schemaPath:"#/definitions/target/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.name.type,parentSchema:schema16.properties.name,data:data6}];
return false;
}
var valid3 = _errs19 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data2.namespace !== undefined){
let data7 = data2.namespace;
const _errs21 = errors;
if(typeof data7 !== "string"){
validate15.errors = [{instancePath:instancePath+"/target/namespace",schemaPath:"#/definitions/target/properties/namespace/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.namespace.type,parentSchema:schema16.properties.namespace,data:data7}];
return false;
}
var valid3 = _errs21 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data2.labelSelector !== undefined){
let data8 = data2.labelSelector;
const _errs23 = errors;
if(typeof data8 !== "string"){
validate15.errors = [{instancePath:instancePath+"/target/labelSelector",schemaPath:"#/definitions/target/properties/labelSelector/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.labelSelector.type,parentSchema:schema16.properties.labelSelector,data:data8}];
return false;
}
var valid3 = _errs23 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data2.annotationSelector !== undefined){
let data9 = data2.annotationSelector;
const _errs25 = errors;
if(typeof data9 !== "string"){
validate15.errors = [{instancePath:instancePath+"/target/annotationSelector",schemaPath:"#/definitions/target/properties/annotationSelector/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.annotationSelector.type,parentSchema:schema16.properties.annotationSelector,data:data9}];
return false;
}
var valid3 = _errs25 === errors;
}
else {
var valid3 = true;
}
}
}
}
}
}
}
}
}
else {
validate15.errors = [{instancePath:instancePath+"/target",schemaPath:"#/definitions/target/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema16.type,parentSchema:schema16,data:data2}];
return false;
}
}
var valid1 = _errs9 === errors;
}
else {
var valid1 = true;
}
if(valid1){
if(data.options !== undefined){
let data10 = data.options;
const _errs27 = errors;
const _errs28 = errors;
if(errors === _errs28){
if(data10 && typeof data10 == "object" && !Array.isArray(data10)){
const _errs30 = errors;
for(const key2 in data10){
if(!((key2 === "allowNameChange") || (key2 === "allowKindChange"))){
validate15.errors = [{instancePath:instancePath+"/options",schemaPath:"#/definitions/patchOptions/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema17,data:data10}];
return false;
break;
}
}
if(_errs30 === errors){
if(data10.allowNameChange !== undefined){
let data11 = data10.allowNameChange;
const _errs31 = errors;
if(typeof data11 !== "boolean"){
validate15.errors = [{instancePath:instancePath+"/options/allowNameChange",schemaPath:"#/definitions/patchOptions/properties/allowNameChange/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema17.properties.allowNameChange.type,parentSchema:schema17.properties.allowNameChange,data:data11}];
return false;
}
var valid5 = _errs31 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data10.allowKindChange !== undefined){
let data12 = data10.allowKindChange;
const _errs33 = errors;
if(typeof data12 !== "boolean"){
validate15.errors = [{instancePath:instancePath+"/options/allowKindChange",schemaPath:"#/definitions/patchOptions/properties/allowKindChange/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema17.properties.allowKindChange.type,parentSchema:schema17.properties.allowKindChange,data:data12}];
return false;
}
var valid5 = _errs33 === errors;
}
else {
var valid5 = true;
}
}
}
}
else {
validate15.errors = [{instancePath:instancePath+"/options",schemaPath:"#/definitions/patchOptions/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema17.type,parentSchema:schema17,data:data10}];
return false;
}
}
var valid1 = _errs27 === errors;
}
else {
var valid1 = true;
}
}
}
}
}
}
else {
validate15.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema15.type,parentSchema:schema15,data}];
return false;
}
}
validate15.errors = vErrors;
return errors === 0;
}


function validate14(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(Array.isArray(data)){
var valid0 = true;
const len0 = data.length;
for(let i0=0; i0<len0; i0++){
const _errs1 = errors;
if(!(validate15(data[i0], {instancePath:instancePath+"/" + i0,parentData:data,parentDataProperty:i0,rootData}))){
vErrors = vErrors === null ? validate15.errors : vErrors.concat(validate15.errors);
errors = vErrors.length;
}
var valid0 = _errs1 === errors;
if(!valid0){
break;
}
}
}
else {
validate14.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema14.type,parentSchema:schema14,data}];
return false;
}
}
validate14.errors = vErrors;
return errors === 0;
}

const schema19 = {"description":"JSON 6902 patches with a target (kustomize's older `patchesJson6902:`).","type":"array","items":{"$ref":"#/definitions/json6902Patch"}};
const schema20 = {"type":"object","properties":{"patch":{"type":"string"},"path":{"type":"string","minLength":1},"target":{"description":"kustomize requires the target's name here.","allOf":[{"$ref":"#/definitions/target"},{"type":"object","required":["name"],"properties":{"name":{"type":"string","minLength":1}}}]},"options":{"$ref":"#/definitions/patchOptions"}},"required":["target"],"additionalProperties":false,"oneOf":[{"required":["patch"]},{"required":["path"]}]};

function validate19(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
const _errs1 = errors;
let valid0 = false;
let passing0 = null;
const _errs2 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.patch === undefined) && (missing0 = "patch")){
const err0 = {instancePath,schemaPath:"#/oneOf/0/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'",schema:schema20.oneOf[0].required,parentSchema:schema20.oneOf[0],data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
var _valid0 = _errs2 === errors;
if(_valid0){
valid0 = true;
passing0 = 0;
}
const _errs3 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing1;
if((data.path === undefined) && (missing1 = "path")){
const err1 = {instancePath,schemaPath:"#/oneOf/1/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'",schema:schema20.oneOf[1].required,parentSchema:schema20.oneOf[1],data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
var _valid0 = _errs3 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid0 = true;
passing0 = 1;
}
}
if(!valid0){
const err2 = {instancePath,schemaPath:"#/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf",schema:schema20.oneOf,parentSchema:schema20,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
validate19.errors = vErrors;
return false;
}
else {
errors = _errs1;
if(vErrors !== null){
if(_errs1){
vErrors.length = _errs1;
}
else {
vErrors = null;
}
}
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing2;
if((data.target === undefined) && (missing2 = "target")){
validate19.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing2},message:"must have required property '"+missing2+"'",schema:schema20.required,parentSchema:schema20,data}];
return false;
}
else {
const _errs4 = errors;
for(const key0 in data){
if(!((((key0 === "patch") || (key0 === "path")) || (key0 === "target")) || (key0 === "options"))){
validate19.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema20,data}];
return false;
break;
}
}
if(_errs4 === errors){
if(data.patch !== undefined){
let data0 = data.patch;
const _errs5 = errors;
if(typeof data0 !== "string"){
validate19.errors = [{instancePath:instancePath+"/patch",schemaPath:"#/properties/patch/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema20.properties.patch.type,parentSchema:schema20.properties.patch,data:data0}];
return false;
}
var valid1 = _errs5 === errors;
}
else {
var valid1 = true;
}
if(valid1){
if(data.path !== undefined){
let data1 = data.path;
const _errs7 = errors;
if(errors === _errs7){
if(typeof data1 === "string"){
if(data1.length < 1){
validate19.errors = [{instancePath:instancePath+"/path",schemaPath:"#/properties/path/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema20.properties.path,data:data1}];
return false;
}
}
else {
validate19.errors = [{instancePath:instancePath+"/path",schemaPath:"#/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema20.properties.path.type,parentSchema:schema20.properties.path,data:data1}];
return false;
}
}
var valid1 = _errs7 === errors;
}
else {
var valid1 = true;
}
if(valid1){
if(data.target !== undefined){
let data2 = data.target;
const _errs9 = errors;
const _errs10 = errors;
const _errs11 = errors;
if(errors === _errs11){
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
const _errs13 = errors;
for(const key1 in data2){
if(!(((((((key1 === "group") || (key1 === "version")) || (key1 === "kind")) || (key1 === "name")) || (key1 === "namespace")) || (key1 === "labelSelector")) || (key1 === "annotationSelector"))){
validate19.errors = [{instancePath:instancePath+"/target",schemaPath:"#/definitions/target/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema16,data:data2}];
return false;
break;
}
}
if(_errs13 === errors){
if(data2.group !== undefined){
let data3 = data2.group;
const _errs14 = errors;
if(typeof data3 !== "string"){
validate19.errors = [{instancePath:instancePath+"/target/group",schemaPath:"#/definitions/target/properties/group/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.group.type,parentSchema:schema16.properties.group,data:data3}];
return false;
}
var valid4 = _errs14 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data2.version !== undefined){
let data4 = data2.version;
const _errs16 = errors;
if(typeof data4 !== "string"){
validate19.errors = [{instancePath:instancePath+"/target/version",schemaPath:"#/definitions/target/properties/version/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.version.type,parentSchema:schema16.properties.version,data:data4}];
return false;
}
var valid4 = _errs16 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data2.kind !== undefined){
let data5 = data2.kind;
const _errs18 = errors;
if(typeof data5 !== "string"){
validate19.errors = [{instancePath:instancePath+"/target/kind",schemaPath:"#/definitions/target/properties/kind/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.kind.type,parentSchema:schema16.properties.kind,data:data5}];
return false;
}
var valid4 = _errs18 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data2.name !== undefined){
let data6 = data2.name;
const _errs20 = errors;
if(typeof data6 !== "string"){
validate19.errors = [{instancePath:instancePath+"/target/name",schemaPath:"#/definitions/target/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.name.type,parentSchema:schema16.properties.name,data:data6}];
return false;
}
var valid4 = _errs20 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data2.namespace !== undefined){
let data7 = data2.namespace;
const _errs22 = errors;
if(typeof data7 !== "string"){
validate19.errors = [{instancePath:instancePath+"/target/namespace",schemaPath:"#/definitions/target/properties/namespace/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.namespace.type,parentSchema:schema16.properties.namespace,data:data7}];
return false;
}
var valid4 = _errs22 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data2.labelSelector !== undefined){
let data8 = data2.labelSelector;
const _errs24 = errors;
if(typeof data8 !== "string"){
validate19.errors = [{instancePath:instancePath+"/target/labelSelector",schemaPath:"#/definitions/target/properties/labelSelector/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.labelSelector.type,parentSchema:schema16.properties.labelSelector,data:data8}];
return false;
}
var valid4 = _errs24 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data2.annotationSelector !== undefined){
let data9 = data2.annotationSelector;
const _errs26 = errors;
if(typeof data9 !== "string"){
validate19.errors = [{instancePath:instancePath+"/target/annotationSelector",schemaPath:"#/definitions/target/properties/annotationSelector/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.properties.annotationSelector.type,parentSchema:schema16.properties.annotationSelector,data:data9}];
return false;
}
var valid4 = _errs26 === errors;
}
else {
var valid4 = true;
}
}
}
}
}
}
}
}
}
else {
validate19.errors = [{instancePath:instancePath+"/target",schemaPath:"#/definitions/target/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema16.type,parentSchema:schema16,data:data2}];
return false;
}
}
var valid2 = _errs10 === errors;
if(valid2){
const _errs28 = errors;
if(errors === _errs28){
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
let missing3;
if((data2.name === undefined) && (missing3 = "name")){
validate19.errors = [{instancePath:instancePath+"/target",schemaPath:"#/properties/target/allOf/1/required",keyword:"required",params:{missingProperty: missing3},message:"must have required property '"+missing3+"'",schema:schema20.properties.target.allOf[1].required,parentSchema:schema20.properties.target.allOf[1],data:data2}];
return false;
}
else {
if(data2.name !== undefined){
let data10 = data2.name;
const _errs30 = errors;
if(errors === _errs30){
if(typeof data10 === "string"){
if(data10.length < 1){
validate19.errors = [{instancePath:instancePath+"/target/name",schemaPath:"#/properties/target/allOf/1/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema20.properties.target.allOf[1].properties.name,data:data10}];
return false;
}
}
else {
validate19.errors = [{instancePath:instancePath+"/target/name",schemaPath:"#/properties/target/allOf/1/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema20.properties.target.allOf[1].properties.name.type,parentSchema:schema20.properties.target.allOf[1].properties.name,data:data10}];
return false;
}
}
}
}
}
else {
validate19.errors = [{instancePath:instancePath+"/target",schemaPath:"#/properties/target/allOf/1/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema20.properties.target.allOf[1].type,parentSchema:schema20.properties.target.allOf[1],data:data2}];
return false;
}
}
var valid2 = _errs28 === errors;
}
var valid1 = _errs9 === errors;
}
else {
var valid1 = true;
}
if(valid1){
if(data.options !== undefined){
let data11 = data.options;
const _errs32 = errors;
const _errs33 = errors;
if(errors === _errs33){
if(data11 && typeof data11 == "object" && !Array.isArray(data11)){
const _errs35 = errors;
for(const key2 in data11){
if(!((key2 === "allowNameChange") || (key2 === "allowKindChange"))){
validate19.errors = [{instancePath:instancePath+"/options",schemaPath:"#/definitions/patchOptions/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema17,data:data11}];
return false;
break;
}
}
if(_errs35 === errors){
if(data11.allowNameChange !== undefined){
let data12 = data11.allowNameChange;
const _errs36 = errors;
if(typeof data12 !== "boolean"){
validate19.errors = [{instancePath:instancePath+"/options/allowNameChange",schemaPath:"#/definitions/patchOptions/properties/allowNameChange/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema17.properties.allowNameChange.type,parentSchema:schema17.properties.allowNameChange,data:data12}];
return false;
}
var valid7 = _errs36 === errors;
}
else {
var valid7 = true;
}
if(valid7){
if(data11.allowKindChange !== undefined){
let data13 = data11.allowKindChange;
const _errs38 = errors;
if(typeof data13 !== "boolean"){
validate19.errors = [{instancePath:instancePath+"/options/allowKindChange",schemaPath:"#/definitions/patchOptions/properties/allowKindChange/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema17.properties.allowKindChange.type,parentSchema:schema17.properties.allowKindChange,data:data13}];
return false;
}
var valid7 = _errs38 === errors;
}
else {
var valid7 = true;
}
}
}
}
else {
validate19.errors = [{instancePath:instancePath+"/options",schemaPath:"#/definitions/patchOptions/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema17.type,parentSchema:schema17,data:data11}];
return false;
}
}
var valid1 = _errs32 === errors;
}
else {
var valid1 = true;
}
}
}
}
}
}
}
else {
validate19.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema20.type,parentSchema:schema20,data}];
return false;
}
}
validate19.errors = vErrors;
return errors === 0;
}


function validate18(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(Array.isArray(data)){
var valid0 = true;
const len0 = data.length;
for(let i0=0; i0<len0; i0++){
const _errs1 = errors;
if(!(validate19(data[i0], {instancePath:instancePath+"/" + i0,parentData:data,parentDataProperty:i0,rootData}))){
vErrors = vErrors === null ? validate19.errors : vErrors.concat(validate19.errors);
errors = vErrors.length;
}
var valid0 = _errs1 === errors;
if(!valid0){
break;
}
}
}
else {
validate18.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema19.type,parentSchema:schema19,data}];
return false;
}
}
validate18.errors = vErrors;
return errors === 0;
}

const schema23 = {"description":"More fields holding images, for custom resources: `spec.image` or {path, kind, group}.","type":"array","items":{"$ref":"#/definitions/imageField"}};
const schema24 = {"type":["string","object"],"if":{"type":"string"},"then":{"$ref":"#/definitions/imageFieldPath"},"else":{"properties":{"path":{"$ref":"#/definitions/imageFieldPath"},"kind":{"description":"Only resources of this kind.","type":"string"},"group":{"description":"Only resources of this API group.","type":"string"}},"required":["path"],"additionalProperties":false}};
const schema25 = {"description":"Dot-separated field path, `[]` after a field meaning every item of that list: spec.image, spec.steps[].image.","type":"string","pattern":"^[^.\\[\\]]+(\\[\\])?(\\.[^.\\[\\]]+(\\[\\])?)*$"};
const pattern0 = new RegExp("^[^.\\[\\]]+(\\[\\])?(\\.[^.\\[\\]]+(\\[\\])?)*$", "u");

function validate23(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if((typeof data !== "string") && (!(data && typeof data == "object" && !Array.isArray(data)))){
validate23.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: schema24.type},message:"must be string,object",schema:schema24.type,parentSchema:schema24,data}];
return false;
}
const _errs1 = errors;
let valid0 = true;
const _errs2 = errors;
if(typeof data !== "string"){
const err0 = {};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
var _valid0 = _errs2 === errors;
errors = _errs1;
if(vErrors !== null){
if(_errs1){
vErrors.length = _errs1;
}
else {
vErrors = null;
}
}
let ifClause0;
if(_valid0){
const _errs4 = errors;
const _errs5 = errors;
if(errors === _errs5){
if(typeof data === "string"){
if(!pattern0.test(data)){
validate23.errors = [{instancePath,schemaPath:"#/definitions/imageFieldPath/pattern",keyword:"pattern",params:{pattern: "^[^.\\[\\]]+(\\[\\])?(\\.[^.\\[\\]]+(\\[\\])?)*$"},message:"must match pattern \""+"^[^.\\[\\]]+(\\[\\])?(\\.[^.\\[\\]]+(\\[\\])?)*$"+"\"",schema:"^[^.\\[\\]]+(\\[\\])?(\\.[^.\\[\\]]+(\\[\\])?)*$",parentSchema:schema25,data}];
return false;
}
}
else {
validate23.errors = [{instancePath,schemaPath:"#/definitions/imageFieldPath/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema25.type,parentSchema:schema25,data}];
return false;
}
}
var _valid0 = _errs4 === errors;
valid0 = _valid0;
ifClause0 = "then";
}
else {
const _errs7 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.path === undefined) && (missing0 = "path")){
validate23.errors = [{instancePath,schemaPath:"#/else/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'",schema:schema24.else.required,parentSchema:schema24.else,data}];
return false;
}
else {
const _errs8 = errors;
for(const key0 in data){
if(!(((key0 === "path") || (key0 === "kind")) || (key0 === "group"))){
validate23.errors = [{instancePath,schemaPath:"#/else/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema24.else,data}];
return false;
break;
}
}
if(_errs8 === errors){
if(data.path !== undefined){
let data0 = data.path;
const _errs9 = errors;
const _errs10 = errors;
if(errors === _errs10){
if(typeof data0 === "string"){
if(!pattern0.test(data0)){
validate23.errors = [{instancePath:instancePath+"/path",schemaPath:"#/definitions/imageFieldPath/pattern",keyword:"pattern",params:{pattern: "^[^.\\[\\]]+(\\[\\])?(\\.[^.\\[\\]]+(\\[\\])?)*$"},message:"must match pattern \""+"^[^.\\[\\]]+(\\[\\])?(\\.[^.\\[\\]]+(\\[\\])?)*$"+"\"",schema:"^[^.\\[\\]]+(\\[\\])?(\\.[^.\\[\\]]+(\\[\\])?)*$",parentSchema:schema25,data:data0}];
return false;
}
}
else {
validate23.errors = [{instancePath:instancePath+"/path",schemaPath:"#/definitions/imageFieldPath/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema25.type,parentSchema:schema25,data:data0}];
return false;
}
}
var valid2 = _errs9 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data.kind !== undefined){
let data1 = data.kind;
const _errs12 = errors;
if(typeof data1 !== "string"){
validate23.errors = [{instancePath:instancePath+"/kind",schemaPath:"#/else/properties/kind/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.else.properties.kind.type,parentSchema:schema24.else.properties.kind,data:data1}];
return false;
}
var valid2 = _errs12 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data.group !== undefined){
let data2 = data.group;
const _errs14 = errors;
if(typeof data2 !== "string"){
validate23.errors = [{instancePath:instancePath+"/group",schemaPath:"#/else/properties/group/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.else.properties.group.type,parentSchema:schema24.else.properties.group,data:data2}];
return false;
}
var valid2 = _errs14 === errors;
}
else {
var valid2 = true;
}
}
}
}
}
}
var _valid0 = _errs7 === errors;
valid0 = _valid0;
ifClause0 = "else";
}
if(!valid0){
const err1 = {instancePath,schemaPath:"#/if",keyword:"if",params:{failingKeyword: ifClause0},message:"must match \""+ifClause0+"\" schema",schema:schema24.if,parentSchema:schema24,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
validate23.errors = vErrors;
return false;
}
validate23.errors = vErrors;
return errors === 0;
}


function validate22(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(Array.isArray(data)){
var valid0 = true;
const len0 = data.length;
for(let i0=0; i0<len0; i0++){
const _errs1 = errors;
if(!(validate23(data[i0], {instancePath:instancePath+"/" + i0,parentData:data,parentDataProperty:i0,rootData}))){
vErrors = vErrors === null ? validate23.errors : vErrors.concat(validate23.errors);
errors = vErrors.length;
}
var valid0 = _errs1 === errors;
if(!valid0){
break;
}
}
}
else {
validate22.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema23.type,parentSchema:schema23,data}];
return false;
}
}
validate22.errors = vErrors;
return errors === 0;
}

const schema27 = {"description":"Flux image policies: every field marked `# {\"$imagepolicy\": \"NAMESPACE:POLICY\"}` (or `:tag`, `:name`, `:digest`) gets this image, or that part of it, in any YAML file. Applied first, before patches and images.","type":"array","items":{"$ref":"#/definitions/imagePolicy"}};
const schema28 = {"type":"object","properties":{"policy":{"description":"The policy as markers name it: NAMESPACE:NAME (e.g. flux-system:app).","type":"string","pattern":"^[^:\\s=]+:[^:\\s=]+$"},"image":{"description":"The image the policy selected: NAME:TAG or NAME:TAG@DIGEST (e.g. ghcr.io/acme/app:1.2.0).","type":"string","minLength":1}},"required":["policy","image"],"additionalProperties":false};
const pattern2 = new RegExp("^[^:\\s=]+:[^:\\s=]+$", "u");

function validate26(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(Array.isArray(data)){
var valid0 = true;
const len0 = data.length;
for(let i0=0; i0<len0; i0++){
let data0 = data[i0];
const _errs1 = errors;
const _errs2 = errors;
if(errors === _errs2){
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
let missing0;
if(((data0.policy === undefined) && (missing0 = "policy")) || ((data0.image === undefined) && (missing0 = "image"))){
validate26.errors = [{instancePath:instancePath+"/" + i0,schemaPath:"#/definitions/imagePolicy/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'",schema:schema28.required,parentSchema:schema28,data:data0}];
return false;
}
else {
const _errs4 = errors;
for(const key0 in data0){
if(!((key0 === "policy") || (key0 === "image"))){
validate26.errors = [{instancePath:instancePath+"/" + i0,schemaPath:"#/definitions/imagePolicy/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema28,data:data0}];
return false;
break;
}
}
if(_errs4 === errors){
if(data0.policy !== undefined){
let data1 = data0.policy;
const _errs5 = errors;
if(errors === _errs5){
if(typeof data1 === "string"){
if(!pattern2.test(data1)){
validate26.errors = [{instancePath:instancePath+"/" + i0+"/policy",schemaPath:"#/definitions/imagePolicy/properties/policy/pattern",keyword:"pattern",params:{pattern: "^[^:\\s=]+:[^:\\s=]+$"},message:"must match pattern \""+"^[^:\\s=]+:[^:\\s=]+$"+"\"",schema:"^[^:\\s=]+:[^:\\s=]+$",parentSchema:schema28.properties.policy,data:data1}];
return false;
}
}
else {
validate26.errors = [{instancePath:instancePath+"/" + i0+"/policy",schemaPath:"#/definitions/imagePolicy/properties/policy/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema28.properties.policy.type,parentSchema:schema28.properties.policy,data:data1}];
return false;
}
}
var valid2 = _errs5 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data0.image !== undefined){
let data2 = data0.image;
const _errs7 = errors;
if(errors === _errs7){
if(typeof data2 === "string"){
if(data2.length < 1){
validate26.errors = [{instancePath:instancePath+"/" + i0+"/image",schemaPath:"#/definitions/imagePolicy/properties/image/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema28.properties.image,data:data2}];
return false;
}
}
else {
validate26.errors = [{instancePath:instancePath+"/" + i0+"/image",schemaPath:"#/definitions/imagePolicy/properties/image/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema28.properties.image.type,parentSchema:schema28.properties.image,data:data2}];
return false;
}
}
var valid2 = _errs7 === errors;
}
else {
var valid2 = true;
}
}
}
}
}
else {
validate26.errors = [{instancePath:instancePath+"/" + i0,schemaPath:"#/definitions/imagePolicy/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema28.type,parentSchema:schema28,data:data0}];
return false;
}
}
var valid0 = _errs1 === errors;
if(!valid0){
break;
}
}
}
else {
validate26.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema27.type,parentSchema:schema27,data}];
return false;
}
}
validate26.errors = vErrors;
return errors === 0;
}


function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
const _errs1 = errors;
for(const key0 in data){
if(!(func2.call(schema11.properties, key0))){
validate10.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema11,data}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.$schema !== undefined){
let data0 = data.$schema;
const _errs2 = errors;
if(typeof data0 !== "string"){
validate10.errors = [{instancePath:instancePath+"/$schema",schemaPath:"#/properties/%24schema/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.$schema.type,parentSchema:schema11.properties.$schema,data:data0}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.apiVersion !== undefined){
let data1 = data.apiVersion;
const _errs4 = errors;
if("kset.dev/v1" !== data1){
validate10.errors = [{instancePath:instancePath+"/apiVersion",schemaPath:"#/properties/apiVersion/const",keyword:"const",params:{allowedValue: "kset.dev/v1"},message:"must be equal to constant",schema:"kset.dev/v1",parentSchema:schema11.properties.apiVersion,data:data1}];
return false;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.kind !== undefined){
let data2 = data.kind;
const _errs5 = errors;
if("Kset" !== data2){
validate10.errors = [{instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/const",keyword:"const",params:{allowedValue: "Kset"},message:"must be equal to constant",schema:"Kset",parentSchema:schema11.properties.kind,data:data2}];
return false;
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.metadata !== undefined){
let data3 = data.metadata;
const _errs6 = errors;
if(!(data3 && typeof data3 == "object" && !Array.isArray(data3))){
validate10.errors = [{instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.metadata.type,parentSchema:schema11.properties.metadata,data:data3}];
return false;
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.images !== undefined){
const _errs8 = errors;
if(!(validate11(data.images, {instancePath:instancePath+"/images",parentData:data,parentDataProperty:"images",rootData}))){
vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
errors = vErrors.length;
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.imageTags !== undefined){
const _errs9 = errors;
if(!(validate11(data.imageTags, {instancePath:instancePath+"/imageTags",parentData:data,parentDataProperty:"imageTags",rootData}))){
vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
errors = vErrors.length;
}
var valid0 = _errs9 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.patches !== undefined){
const _errs10 = errors;
if(!(validate14(data.patches, {instancePath:instancePath+"/patches",parentData:data,parentDataProperty:"patches",rootData}))){
vErrors = vErrors === null ? validate14.errors : vErrors.concat(validate14.errors);
errors = vErrors.length;
}
var valid0 = _errs10 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.patchesStrategicMerge !== undefined){
let data7 = data.patchesStrategicMerge;
const _errs11 = errors;
const _errs12 = errors;
if(errors === _errs12){
if(Array.isArray(data7)){
var valid2 = true;
const len0 = data7.length;
for(let i0=0; i0<len0; i0++){
let data8 = data7[i0];
const _errs14 = errors;
if(errors === _errs14){
if(typeof data8 === "string"){
if(data8.length < 1){
validate10.errors = [{instancePath:instancePath+"/patchesStrategicMerge/" + i0,schemaPath:"#/definitions/patchesStrategicMerge/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema18.items,data:data8}];
return false;
}
}
else {
validate10.errors = [{instancePath:instancePath+"/patchesStrategicMerge/" + i0,schemaPath:"#/definitions/patchesStrategicMerge/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema18.items.type,parentSchema:schema18.items,data:data8}];
return false;
}
}
var valid2 = _errs14 === errors;
if(!valid2){
break;
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/patchesStrategicMerge",schemaPath:"#/definitions/patchesStrategicMerge/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema18.type,parentSchema:schema18,data:data7}];
return false;
}
}
var valid0 = _errs11 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.patchesJson6902 !== undefined){
const _errs16 = errors;
if(!(validate18(data.patchesJson6902, {instancePath:instancePath+"/patchesJson6902",parentData:data,parentDataProperty:"patchesJson6902",rootData}))){
vErrors = vErrors === null ? validate18.errors : vErrors.concat(validate18.errors);
errors = vErrors.length;
}
var valid0 = _errs16 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.imageFields !== undefined){
const _errs17 = errors;
if(!(validate22(data.imageFields, {instancePath:instancePath+"/imageFields",parentData:data,parentDataProperty:"imageFields",rootData}))){
vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
errors = vErrors.length;
}
var valid0 = _errs17 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.imagePolicies !== undefined){
const _errs18 = errors;
if(!(validate26(data.imagePolicies, {instancePath:instancePath+"/imagePolicies",parentData:data,parentDataProperty:"imagePolicies",rootData}))){
vErrors = vErrors === null ? validate26.errors : vErrors.concat(validate26.errors);
errors = vErrors.length;
}
var valid0 = _errs18 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.crds !== undefined){
let data12 = data.crds;
const _errs19 = errors;
const _errs20 = errors;
if(errors === _errs20){
if(Array.isArray(data12)){
var valid4 = true;
const len1 = data12.length;
for(let i1=0; i1<len1; i1++){
let data13 = data12[i1];
const _errs22 = errors;
if(errors === _errs22){
if(typeof data13 === "string"){
if(data13.length < 1){
validate10.errors = [{instancePath:instancePath+"/crds/" + i1,schemaPath:"#/definitions/crds/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema29.items,data:data13}];
return false;
}
}
else {
validate10.errors = [{instancePath:instancePath+"/crds/" + i1,schemaPath:"#/definitions/crds/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema29.items.type,parentSchema:schema29.items,data:data13}];
return false;
}
}
var valid4 = _errs22 === errors;
if(!valid4){
break;
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/crds",schemaPath:"#/definitions/crds/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema29.type,parentSchema:schema29,data:data12}];
return false;
}
}
var valid0 = _errs19 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
}
}
}
}
else {
validate10.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.type,parentSchema:schema11,data}];
return false;
}
}
validate10.errors = vErrors;
return errors === 0;
}

export const validateKustomization = validate28;
const schema30 = {"description":"A kustomization.yaml used as kset's config: kset reads the keys above and ignores kustomize's other keys; keys kustomize does not know are errors.","type":"object","properties":{"$schema":{"type":"string"},"images":{"$ref":"#/definitions/images"},"imageTags":{"$ref":"#/definitions/images"},"patches":{"$ref":"#/definitions/patches"},"patchesStrategicMerge":{"$ref":"#/definitions/patchesStrategicMerge"},"patchesJson6902":{"$ref":"#/definitions/patchesJson6902"},"imageFields":{"$ref":"#/definitions/imageFields"},"imagePolicies":{"$ref":"#/definitions/imagePolicies"},"crds":{"$ref":"#/definitions/crds"},"apiVersion":true,"kind":true,"metadata":true,"openapi":true,"namePrefix":true,"nameSuffix":true,"namespace":true,"commonLabels":true,"labels":true,"commonAnnotations":true,"replacements":true,"replicas":true,"vars":true,"sortOptions":true,"resources":true,"components":true,"bases":true,"configMapGenerator":true,"secretGenerator":true,"helmGlobals":true,"helmCharts":true,"helmChartInflationGenerator":true,"generatorOptions":true,"configurations":true,"generators":true,"transformers":true,"validators":true,"inventory":true,"buildMetadata":true},"additionalProperties":false};

function validate28(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
const _errs1 = errors;
for(const key0 in data){
if(!(func2.call(schema30.properties, key0))){
validate28.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema30,data}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.$schema !== undefined){
let data0 = data.$schema;
const _errs2 = errors;
if(typeof data0 !== "string"){
validate28.errors = [{instancePath:instancePath+"/$schema",schemaPath:"#/properties/%24schema/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema30.properties.$schema.type,parentSchema:schema30.properties.$schema,data:data0}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.images !== undefined){
const _errs4 = errors;
if(!(validate11(data.images, {instancePath:instancePath+"/images",parentData:data,parentDataProperty:"images",rootData}))){
vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
errors = vErrors.length;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.imageTags !== undefined){
const _errs5 = errors;
if(!(validate11(data.imageTags, {instancePath:instancePath+"/imageTags",parentData:data,parentDataProperty:"imageTags",rootData}))){
vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
errors = vErrors.length;
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.patches !== undefined){
const _errs6 = errors;
if(!(validate14(data.patches, {instancePath:instancePath+"/patches",parentData:data,parentDataProperty:"patches",rootData}))){
vErrors = vErrors === null ? validate14.errors : vErrors.concat(validate14.errors);
errors = vErrors.length;
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.patchesStrategicMerge !== undefined){
let data4 = data.patchesStrategicMerge;
const _errs7 = errors;
const _errs8 = errors;
if(errors === _errs8){
if(Array.isArray(data4)){
var valid2 = true;
const len0 = data4.length;
for(let i0=0; i0<len0; i0++){
let data5 = data4[i0];
const _errs10 = errors;
if(errors === _errs10){
if(typeof data5 === "string"){
if(data5.length < 1){
validate28.errors = [{instancePath:instancePath+"/patchesStrategicMerge/" + i0,schemaPath:"#/definitions/patchesStrategicMerge/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema18.items,data:data5}];
return false;
}
}
else {
validate28.errors = [{instancePath:instancePath+"/patchesStrategicMerge/" + i0,schemaPath:"#/definitions/patchesStrategicMerge/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema18.items.type,parentSchema:schema18.items,data:data5}];
return false;
}
}
var valid2 = _errs10 === errors;
if(!valid2){
break;
}
}
}
else {
validate28.errors = [{instancePath:instancePath+"/patchesStrategicMerge",schemaPath:"#/definitions/patchesStrategicMerge/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema18.type,parentSchema:schema18,data:data4}];
return false;
}
}
var valid0 = _errs7 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.patchesJson6902 !== undefined){
const _errs12 = errors;
if(!(validate18(data.patchesJson6902, {instancePath:instancePath+"/patchesJson6902",parentData:data,parentDataProperty:"patchesJson6902",rootData}))){
vErrors = vErrors === null ? validate18.errors : vErrors.concat(validate18.errors);
errors = vErrors.length;
}
var valid0 = _errs12 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.imageFields !== undefined){
const _errs13 = errors;
if(!(validate22(data.imageFields, {instancePath:instancePath+"/imageFields",parentData:data,parentDataProperty:"imageFields",rootData}))){
vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
errors = vErrors.length;
}
var valid0 = _errs13 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.imagePolicies !== undefined){
const _errs14 = errors;
if(!(validate26(data.imagePolicies, {instancePath:instancePath+"/imagePolicies",parentData:data,parentDataProperty:"imagePolicies",rootData}))){
vErrors = vErrors === null ? validate26.errors : vErrors.concat(validate26.errors);
errors = vErrors.length;
}
var valid0 = _errs14 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.crds !== undefined){
let data9 = data.crds;
const _errs15 = errors;
const _errs16 = errors;
if(errors === _errs16){
if(Array.isArray(data9)){
var valid4 = true;
const len1 = data9.length;
for(let i1=0; i1<len1; i1++){
let data10 = data9[i1];
const _errs18 = errors;
if(errors === _errs18){
if(typeof data10 === "string"){
if(data10.length < 1){
validate28.errors = [{instancePath:instancePath+"/crds/" + i1,schemaPath:"#/definitions/crds/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema29.items,data:data10}];
return false;
}
}
else {
validate28.errors = [{instancePath:instancePath+"/crds/" + i1,schemaPath:"#/definitions/crds/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema29.items.type,parentSchema:schema29.items,data:data10}];
return false;
}
}
var valid4 = _errs18 === errors;
if(!valid4){
break;
}
}
}
else {
validate28.errors = [{instancePath:instancePath+"/crds",schemaPath:"#/definitions/crds/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema29.type,parentSchema:schema29,data:data9}];
return false;
}
}
var valid0 = _errs15 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
}
else {
validate28.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema30.type,parentSchema:schema30,data}];
return false;
}
}
validate28.errors = vErrors;
return errors === 0;
}

